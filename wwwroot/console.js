// The console's own browser code. Served from the repository's top-level wwwroot; no external requests.
window.consoleTheme = {
    // Remembered per browser; the server reads the cookie when it prerenders, so the first paint is right.
    save(dark) {
        document.cookie = `console-theme=${dark ? "dark" : "light"}; path=/; max-age=31536000; samesite=lax`;
    },
};
