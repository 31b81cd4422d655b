/* 群众侧公共脚本（原站行为：div 菜单、点击展开、伪上传按钮） */
function tab(el, id) {
  var tabs = el.parentNode.getElementsByTagName('span');
  for (var i = 0; i < tabs.length; i++) tabs[i].className = '';
  el.className = 'on';
  var lists = document.querySelectorAll('.matter-list');
  for (var j = 0; j < lists.length; j++) lists[j].style.display = lists[j].id === id ? 'block' : 'none';
}
function faq(el) {
  var a = el.nextElementSibling;
  a.className = a.className.indexOf('open') >= 0 ? 'faq-a' : 'faq-a open';
}
function pickFile(id) { document.getElementById(id).click(); }
function showName(input, id) {
  document.getElementById(id).textContent = input.files.length ? input.files[0].name : '';
}
