// "Copy link": copies the page's address instead of following the link, and says so.
// Without this script (or without clipboard access) the link simply leads to the page.
(function () {
  "use strict";
  document.querySelectorAll(".copy-link").forEach(function (link) {
    var status = link.parentElement.querySelector(".copy-status");
    link.addEventListener("click", function (event) {
      if (!navigator.clipboard || !window.isSecureContext) {
        return;
      }
      event.preventDefault();
      navigator.clipboard.writeText(link.href).then(function () {
        if (status) {
          status.textContent = link.dataset.copied;
        }
      }, function () {
        window.location.href = link.href;
      });
    });
  });
})();
