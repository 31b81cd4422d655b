/* 门户首页脚本：自动轮播、移动飘窗、鼠标悬停切换标签（原站行为） */
(function () {
  var s = document.querySelectorAll('#slider .s'), i = 0;
  if (s.length) setInterval(function () { s[i].className = 's'; i = (i + 1) % s.length; s[i].className = 's cur'; }, 4000);
  var ad = document.getElementById('piaochuang');
  if (ad) {
    var x = 20, y = 200, dx = 1, dy = 1;
    var timer = setInterval(function () {
      var w = document.documentElement.clientWidth - 260, h = document.documentElement.clientHeight - 200;
      x += dx; y += dy;
      if (x < 0 || x > w) dx = -dx;
      if (y < 0 || y > h) dy = -dy;
      ad.style.left = x + 'px'; ad.style.top = (y + window.scrollY) + 'px';
    }, 30);
    var close = ad.querySelector('.close');
    close.onclick = function () { clearInterval(timer); ad.parentNode.removeChild(ad); };
  }
})();
function showTab(el, id) {
  var tabs = el.parentNode.getElementsByTagName('li');
  for (var k = 0; k < tabs.length; k++) tabs[k].className = '';
  el.className = 'on';
  var lists = document.querySelectorAll('.news-box .news-list');
  for (var j = 0; j < lists.length; j++) lists[j].style.display = lists[j].id === id ? 'block' : 'none';
}
