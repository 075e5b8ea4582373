// "Copy" buttons: the Subscribe page's feed address (a field) and the Chinese address on
// directory and event pages (text). The buttons stay hidden until this runs, so without
// JavaScript the text is still there to select and copy.
document.querySelectorAll("[data-copy-target]").forEach((button) => {
  const field = document.getElementById(button.dataset.copyTarget);
  const status = document.getElementById(button.dataset.copyStatus);
  if (!field || !status) return;
  let clear;
  const isField = "value" in field && typeof field.select === "function";
  const select = () => {
    if (isField) {
      field.select();
    } else {
      window.getSelection().selectAllChildren(field);
    }
  };
  button.hidden = false;
  button.addEventListener("click", async () => {
    let copied = false;
    try {
      await navigator.clipboard.writeText(isField ? field.value : field.innerText.trim());
      copied = true;
    } catch {
      // The Clipboard API needs a secure context; older browsers still copy a selection.
      select();
      copied = document.execCommand && document.execCommand("copy");
    }
    if (!copied) {
      select(); // at least leave it ready for Ctrl+C / long press
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
