// The print view's "Print / save as PDF" button (a static file: the CSP allows no inline script).
document.addEventListener('click', function (event) {
  if (event.target.closest('[data-print]')) {
    window.print();
  }
});
