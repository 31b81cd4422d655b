// Yiyue do-no-harm probe: the page's own DOM size and tab order, with the toolbar host left out.
(function () {
  var n = 0;
  var all = document.getElementsByTagName('*');
  for (var i = 0; i < all.length; i++) { if (!all[i].closest('yiyue-a11y') && all[i].localName !== 'script') n++; }
  var tabs = [];
  document.querySelectorAll('a[href],button,input,select,textarea,[tabindex]').forEach(function (e) {
    if (e.closest('yiyue-a11y') || e.tabIndex < 0 || !e.getClientRects().length) return;
    tabs.push(e.localName + (e.id ? '#' + e.id : '') + '|' + (e.getAttribute('href') || e.getAttribute('name') || '') + '|' + e.tabIndex);
  });
  var attrs = Array.prototype.map.call(document.documentElement.attributes, function (a) { return a.name; }).filter(function (a) { return a.indexOf('data-yiyue') === 0; });
  return {elements: n, tabs: tabs, rootAttrs: attrs, active: document.activeElement ? document.activeElement.localName : ''};
})();
