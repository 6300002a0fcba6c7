export interface Button { title: string; payload: string }
export interface BotMessage { text?: string; buttons?: Button[]; custom?: Record<string, unknown> }
export interface ProcedurePayload { kind: "procedure"; concern: string; age_group: string; acute: boolean; kommune: string }

export type Entry =
  | { id: string; from: "user" | "bot"; kind: "text"; text: string; buttons?: Button[] }
  | { id: string; from: "bot"; kind: "akut"; buttons?: Button[] }
  | { id: string; from: "bot"; kind: "procedure"; payload: ProcedurePayload; sections: string[]; buttons?: Button[] }
  | { id: string; from: "bot"; kind: "offline"; buttons?: Button[] };

/**
 * Turn one REST reply into chat entries. The `akut` payload replaces the text
 * just before it with the red banner; the `procedure` payload gathers the plain
 * text messages just before it (the procedure's paragraphs) into one card.
 */
export function toEntries(replies: BotMessage[], nextId: () => string): Entry[] {
  const out: Entry[] = [];
  for (const reply of replies) {
    const kind = reply.custom?.kind;
    if (kind === "akut") {
      const prev = out[out.length - 1];
      if (prev && prev.kind === "text" && !prev.buttons?.length) out.pop();
      out.push({ id: nextId(), from: "bot", kind: "akut" });
    } else if (kind === "procedure") {
      const sections: string[] = [];
      while (out.length) {
        const prev = out[out.length - 1];
        if (prev.kind !== "text" || prev.buttons?.length) break;
        sections.unshift(prev.text);
        out.pop();
      }
      out.push({ id: nextId(), from: "bot", kind: "procedure", payload: reply.custom as unknown as ProcedurePayload, sections });
    } else if (typeof reply.text === "string") {
      out.push({ id: nextId(), from: "bot", kind: "text", text: reply.text, buttons: reply.buttons });
    }
  }
  return out;
}
