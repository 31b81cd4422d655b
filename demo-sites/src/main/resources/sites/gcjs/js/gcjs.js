/* 企业侧公共脚本：菜单为 div + 点击事件（CSP 下无内联脚本，事件在此绑定） */
document.addEventListener('DOMContentLoaded', function () {
  var items = document.querySelectorAll('#mainNav .menu-item');
  for (var i = 0; i < items.length; i++) {
    items[i].addEventListener('click', function () { window.location.href = this.getAttribute('data-href'); });
  }
  var clock = document.getElementById('gc-clock');
  if (clock) {
    var d = new Date();
    clock.textContent = d.getFullYear() + '年' + (d.getMonth() + 1) + '月' + d.getDate() + '日';
  }
});
