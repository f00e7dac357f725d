// The console's own browser code. Served from the repository's top-level wwwroot; no external requests.
window.consoleTheme = {
    // Remembered per browser; the server reads the cookie when it prerenders, so the first paint is right.
    save(dark) {
        document.cookie = `console-theme=${dark ? "dark" : "light"}; path=/; max-age=31536000; samesite=lax`;
    },
};

// "Copy" buttons (such as the task wizard's statements): the Clipboard API, or a hidden textarea where it is absent.
window.consoleClipboard = {
    async copy(text) {
        if (navigator.clipboard && window.isSecureContext) {
            await navigator.clipboard.writeText(text);
            return;
        }
        const area = document.createElement("textarea");
        area.value = text;
        area.setAttribute("readonly", "");
        area.style.position = "fixed";
        area.style.opacity = "0";
        document.body.appendChild(area);
        area.select();
        document.execCommand("copy");
        area.remove();
    },
};

// The sign-in page's show/hide button for the secret. The page is static (no circuit), so this is plain script; the
// button starts hidden, so without scripts the secret stays masked and the form works as it is.
window.consoleReveal = {
    showButtons() {
        for (const button of document.querySelectorAll("button[data-reveals][hidden]"))
            button.hidden = false;
    },
    toggle(button) {
        const field = document.getElementById(button.dataset.reveals);
        const show = field.type === "password";
        field.type = show ? "text" : "password";
        button.setAttribute("aria-pressed", show ? "true" : "false");
        button.title = show ? "Hide secret" : "Show secret";
    },
};
document.addEventListener("click", event => {
    const button = event.target.closest?.("button[data-reveals]");
    if (button)
        window.consoleReveal.toggle(button);
});
// A shown secret is masked again as the form goes: the browser keeps no text-field history of it.
document.addEventListener("submit", event => {
    for (const button of event.target.querySelectorAll?.("button[data-reveals][aria-pressed=true]") ?? [])
        window.consoleReveal.toggle(button);
});
if (document.readyState === "loading")
    document.addEventListener("DOMContentLoaded", () => window.consoleReveal.showButtons());
else
    window.consoleReveal.showButtons();
// Blazor's enhanced navigation replaces the page's content without loading scripts again.
window.Blazor?.addEventListener?.("enhancedload", () => window.consoleReveal.showButtons());
