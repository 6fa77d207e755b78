// The scope upload's progress: htmx reports the bytes sent; the bar shows them while the request runs.
document.addEventListener('htmx:xhr:progress', function (event) {
  var bar = document.getElementById('upload-bar');
  if (bar && event.detail.lengthComputable && event.detail.total > 0) {
    bar.value = Math.round(event.detail.loaded * 100 / event.detail.total);
  }
});

// A refused file (400, 422) answers with the report of what is wrong: show it like a success.
document.addEventListener('htmx:beforeSwap', function (event) {
  var status = event.detail.xhr.status;
  if (status === 400 || status === 422) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});
