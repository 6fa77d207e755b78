// The scope upload's progress: htmx reports the bytes sent; the bar shows them while the request runs.
document.addEventListener('htmx:xhr:progress', function (event) {
  var bar = document.getElementById('upload-bar');
  if (bar && event.detail.lengthComputable && event.detail.total > 0) {
    bar.value = Math.round(event.detail.loaded * 100 / event.detail.total);
  }
});
