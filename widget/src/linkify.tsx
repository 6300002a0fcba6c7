import { h, type ComponentChildren } from "preact";

// Phone numbers as Danish municipalities print them, e-mails and web addresses.
const TOKEN =
  /(https?:\/\/[^\s)]+|www\.[^\s)]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\+45\s?\d{2}\s?\d{2}\s?\d{2}\s?\d{2}|\b\d{2}\s\d{3}\s\d{3}\b|\b\d{2}(?:\s\d{2}){3}\b|\b\d{4}\s\d{2}\s\d{2}\b|\b\d{4}\s\d{4}\b|\b\d{8}\b|\b116\s?111\b|\b11[24]\b)/g;

export function telHref(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  return digits.length === 8 && !phone.startsWith("+") ? `tel:+45${digits}` : `tel:${digits.length === 10 ? "+" : ""}${digits}`;
}

function hrefFor(token: string): string {
  if (token.includes("@")) return `mailto:${token}`;
  if (/^https?:\/\//.test(token)) return token;
  if (token.startsWith("www.")) return `https://${token}`;
  return telHref(token);
}

/** Text as nodes: plain strings (escaped by Preact) and links. Never HTML. */
export function linkify(text: string): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    const token = match[0].replace(/[.,;:]+$/, "");
    const start = match.index ?? 0;
    if (start > last) out.push(text.slice(last, start));
    const href = hrefFor(token);
    out.push(h("a", { href, rel: "noopener noreferrer", target: href.startsWith("http") ? "_blank" : undefined }, token));
    last = start + token.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** Lines with line breaks kept; "• " lines become a list. */
export function RichText({ text }: { text: string }) {
  const lines = text.split("\n");
  const blocks: ComponentChildren[] = [];
  let bullets: string[] = [];
  const flush = () => {
    if (bullets.length) {
      blocks.push(h("ul", { class: "hv-list" }, bullets.map((b) => h("li", null, linkify(b)))));
      bullets = [];
    }
  };
  for (const line of lines) {
    if (line.startsWith("• ")) {
      bullets.push(line.slice(2));
    } else {
      flush();
      if (line.trim()) blocks.push(h("p", { class: "hv-p" }, linkify(line)));
    }
  }
  flush();
  return h("div", { class: "hv-rich" }, blocks);
}
