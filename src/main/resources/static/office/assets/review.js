// Keyboard shortcuts of the review queue: n (next), a (accept), r (reject), v (view the first attachment).
// Each key clicks the element marked with data-shortcut="<key>" on the page; keys typed into a field, or with a
// modifier, are left alone. Rejecting needs a comment: r with an empty comment moves the focus to it instead.
document.addEventListener('keydown', function (event) {
  if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) {
    return;
  }
  var target = event.target;
  if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) {
    return;
  }
  var key = event.key;
  var element = document.querySelector('[data-shortcut="' + key + '"]');
  if (!element) {
    return;
  }
  event.preventDefault();
  var comment = document.getElementById('comment');
  if (key === 'r' && comment && comment.value.trim() === '') {
    comment.focus();
    return;
  }
  element.click();
});
