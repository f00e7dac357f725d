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
