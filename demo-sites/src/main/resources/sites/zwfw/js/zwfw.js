/* 首页轮播：自动切换，无暂停控制（原站行为） */
(function () {
  var slides = document.querySelectorAll('.banner .slide');
  var dots = document.querySelectorAll('.banner .dots span');
  if (!slides.length) return;
  var cur = 0;
  setInterval(function () {
    slides[cur].className = 'slide'; dots[cur].className = '';
    cur = (cur + 1) % slides.length;
    slides[cur].className = 'slide cur'; dots[cur].className = 'cur';
  }, 3000);
})();
function go(url) { window.location.href = url; }
function pick(el) {
  var sibs = el.parentNode.querySelectorAll('.opt');
  for (var i = 0; i < sibs.length; i++) sibs[i].className = 'opt';
  el.className = 'opt sel';
}
