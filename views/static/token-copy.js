// The new-token page: a "Copy" button beside the token, where the browser lets pages write to the
// clipboard. Without it (or without this script) the token is still there to select and copy.
(function () {
  'use strict';

  var input = document.getElementById('token-secret');
  if (!input || !navigator.clipboard || !window.isSecureContext) return;

  var button = document.createElement('button');
  button.type = 'button';
  button.className = 'button-quiet copy-button';
  button.textContent = input.getAttribute('data-text-copy');
  var status = document.getElementById('token-copy-status');
  input.insertAdjacentElement('afterend', button);

  input.addEventListener('focus', function () {
    input.select();
  });
  button.addEventListener('click', function () {
    navigator.clipboard.writeText(input.value).then(
      function () {
        status.textContent = input.getAttribute('data-text-copied');
      },
      function () {
        input.select();
        status.textContent = input.getAttribute('data-text-copy-failed');
      }
    );
  });
})();
