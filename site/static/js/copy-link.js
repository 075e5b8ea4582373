// "Copy link" buttons on the Subscribe page. The buttons stay hidden until this runs, so
// without JavaScript the address is still a plain field to select and copy.
document.querySelectorAll("[data-copy-target]").forEach((button) => {
  const field = document.getElementById(button.dataset.copyTarget);
  const status = document.getElementById(button.dataset.copyStatus);
  if (!field || !status) return;
  let clear;
  button.hidden = false;
  button.addEventListener("click", async () => {
    let copied = false;
    try {
      await navigator.clipboard.writeText(field.value);
      copied = true;
    } catch {
      // The Clipboard API needs a secure context; older browsers still copy a selection.
      field.select();
      copied = document.execCommand && document.execCommand("copy");
    }
    if (!copied) {
      field.select(); // at least leave it ready for Ctrl+C / long press
      return;
    }
    // Emptied first so that a second click is announced again.
    status.textContent = "";
    window.clearTimeout(clear);
    window.setTimeout(() => {
      status.textContent = button.dataset.copied;
    }, 50);
    clear = window.setTimeout(() => {
      status.textContent = "";
    }, 5000);
  });
});
