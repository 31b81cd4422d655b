window.__keys = [];
document.addEventListener('keydown', function (e) { window.__keys.push(e.key); });
