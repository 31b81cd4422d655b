/* Yiyue toolbar placeholder: served only while the injector-script jar carries no toolbar.js.
   ASCII only (CJK as \u escapes) so it survives any page charset. */
(function () {
  'use strict';
  var tag = document.currentScript;
  var site = tag ? tag.getAttribute('data-site') : '';
  document.documentElement.setAttribute('data-yiyue-site', site || '');
  function build() {
    if (document.getElementById('yiyue-launcher-host')) { return; }
    var host = document.createElement('div');
    host.id = 'yiyue-launcher-host';
    var root = host.attachShadow ? host.attachShadow({ mode: 'open' }) : host;
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = '\u65e0\u969c\u788d / \u9002\u8001\u6a21\u5f0f';
    button.setAttribute('aria-label', '\u65e0\u969c\u788d / \u9002\u8001\u6a21\u5f0f');
    root.appendChild(button);
    document.body.insertBefore(host, document.body.firstChild);
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', build);
  } else {
    build();
  }
}());
