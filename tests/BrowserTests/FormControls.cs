using Microsoft.Playwright;

namespace DeliveryConsole.BrowserTests;

/// <summary>
/// Whether a person can see each form control on the page as it is now: a size one can hit, and an edge (a border,
/// an outline, or a background set off from what is behind it). A MudBlazor field draws its edge on a wrapper (the
/// outlined variant on a <c>fieldset.mud-input-outlined-border</c> beside the input, the underlined one on
/// <c>.mud-input::before</c>), so the field around the input counts; a button with no edge is seen by its own text
/// or icon; a check box or switch whose input is transparent is seen by the icon or track drawn in its place.
/// </summary>
public static class FormControls
{
    /// <summary>The least contrast of an edge against what is behind it that still reads as an edge.</summary>
    public const double MinimumContrast = 1.5;

    /// <summary>What was checked (one line per control) and what cannot be seen (one line per fault).</summary>
    public sealed class Report
    {
        public string[] Checked { get; set; } = [];
        public string[] Problems { get; set; } = [];
    }

    public static Task<Report> CheckAsync(IPage page) => page.EvaluateAsync<Report>(Script, MinimumContrast);

    private const string Script = """
        minimumContrast => {
            const controls = document.querySelectorAll([
                "input:not([type=hidden])", "select", "textarea", "button", "[role=combobox]", "[role=textbox]",
                "[role=checkbox]", "[role=radio]", "[role=switch]", "[role=slider]", "[role=spinbutton]", "[contenteditable=true]",
            ].join(", "));
            const rgba = text => {
                const match = /rgba?\(([^)]+)\)/.exec(text);
                if (!match) return null;
                const [r, g, b, a = 1] = match[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
                return { r, g, b, a };
            };
            const luminance = c => {
                const [r, g, b] = [c.r, c.g, c.b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
                return 0.2126 * r + 0.7152 * g + 0.0722 * b;
            };
            const contrast = (x, y) => { const [hi, lo] = [luminance(x), luminance(y)].sort((p, q) => q - p); return (hi + 0.05) / (lo + 0.05); };
            // A translucent colour as it shows over what is behind it.
            const over = (c, behind) => ({ r: c.r * c.a + behind.r * (1 - c.a), g: c.g * c.a + behind.g * (1 - c.a), b: c.b * c.a + behind.b * (1 - c.a), a: 1 });
            // The colour behind an element: the first ancestor with an opaque-enough background (the body's at worst).
            const backdrop = element => {
                for (let e = element; e; e = e.parentElement) {
                    const c = rgba(getComputedStyle(e).backgroundColor);
                    if (c && c.a >= 0.5) return c.a === 1 ? c : over(c, backdrop(e.parentElement));
                }
                return { r: 255, g: 255, b: 255, a: 1 };
            };
            const seenLine = (width, style, color, behind) => {
                const c = rgba(color);
                return parseFloat(width) >= 1 && style !== "none" && style !== "hidden" && c && c.a > 0
                    && contrast(over(c, behind), behind) >= minimumContrast;
            };
            const hasEdge = (element, pseudo) => {
                const s = getComputedStyle(element, pseudo);
                if (pseudo && (s.content === "none" || s.display === "none")) return false;
                const behind = backdrop(element.parentElement);
                return ["Top", "Right", "Bottom", "Left"].some(side =>
                        seenLine(s[`border${side}Width`], s[`border${side}Style`], s[`border${side}Color`], behind))
                    || seenLine(s.outlineWidth, s.outlineStyle, s.outlineColor, behind);
            };
            const hasOwnBackground = element => {
                const c = rgba(getComputedStyle(element).backgroundColor);
                if (!c || c.a === 0) return false;
                const behind = backdrop(element.parentElement);
                return contrast(over(c, behind), behind) >= minimumContrast;
            };
            const isSeen = element => hasEdge(element) || hasEdge(element, "::before") || hasEdge(element, "::after") || hasOwnBackground(element);
            // Text or an icon drawn in a colour that stands out from what is behind it.
            const hasVisibleContent = element => {
                const behind = backdrop(element);
                const color = rgba(getComputedStyle(element).color);
                const readable = color && contrast(over(color, behind), behind) >= minimumContrast;
                const icon = [...element.querySelectorAll("svg")].some(svg => {
                    const box = svg.getBoundingClientRect();
                    return box.width >= 12 && box.height >= 12 && svg.checkVisibility({ opacityProperty: true, visibilityProperty: true });
                });
                return readable && (element.innerText.trim().length > 0 || icon);
            };
            const textEntry = element => element.matches(
                "textarea, select, [role=combobox], [role=textbox], [role=spinbutton], [contenteditable=true], " +
                "input:not([type=checkbox]):not([type=radio]):not([type=button]):not([type=submit]):not([type=reset]):not([type=image]):not([type=range]):not([type=color]):not([type=file])");
            const name = element => {
                const label = element.getAttribute("aria-label") ?? element.labels?.[0]?.innerText
                    ?? element.closest(".mud-input-control")?.querySelector("label")?.innerText ?? element.innerText ?? "";
                return `<${element.tagName.toLowerCase()}${element.id ? "#" + element.id : ""}${element.type ? " type=" + element.type : ""}> "${label.trim().slice(0, 40)}"`;
            };

            const checkedControls = [], problems = [];
            for (const control of controls) {
                if (!control.checkVisibility({ visibilityProperty: true })) continue;
                const transparent = parseFloat(getComputedStyle(control).opacity) === 0;
                // A transparent input (MudBlazor's check boxes, radios, switches) is drawn by the element around it.
                const visual = transparent ? control.closest(".mud-button-root, label") ?? control.parentElement : control;
                const box = visual.getBoundingClientRect();
                if (box.width === 0 || box.height === 0) continue;
                const field = control.closest(".mud-input-control") ?? control.closest(".mud-input") ?? visual;
                const candidates = new Set([visual]);
                for (let e = visual; e && e !== field.parentElement; e = e.parentElement) candidates.add(e);
                field.querySelectorAll(".mud-input-outlined-border, .mud-input").forEach(e => candidates.add(e));
                const entry = textEntry(control) && !transparent;
                const bigEnough = entry ? box.width >= 60 && box.height >= 20 : box.width >= 16 && box.height >= 16;
                const seen = [...candidates].some(isSeen)
                    || ((control.tagName === "BUTTON" || transparent) && (hasVisibleContent(visual)
                        || [...visual.querySelectorAll("*")].some(hasOwnBackground)));
                const size = `${Math.round(box.width)}x${Math.round(box.height)}`;
                checkedControls.push(`${name(control)} ${size}${seen ? "" : " (no edge)"}`);
                if (!bigEnough) problems.push(`${name(control)} is ${size}, too small to see or hit`);
                if (!seen) problems.push(`${name(control)} has no visible border, outline, background, text or icon`);
            }
            return { Checked: checkedControls, Problems: problems };
        }
        """;
}
