import { h, Fragment } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import {
  ChatContainer, ConversationHeader, MainContainer, Message, MessageInput, MessageList, TypingIndicator,
} from "@chatscope/chat-ui-kit-react";
import kommune from "../generated/kommune.json";
import { isOpen } from "./hours";
import { RichText, linkify, telHref } from "./linkify";
import { T } from "./texts";
import { type BotMessage, type Button, type Entry, toEntries } from "./entries";
import type { WidgetConfig } from "./config";

let counter = 0;
const nextId = () => `m${++counter}`;

function AkutBanner() {
  const after = kommune.afterHours;
  return (
    <div class="hv-akut" role="alert">
      <strong class="hv-akut-title">{T.akutTitle}</strong>
      <p>{T.akutNow} <a href={telHref(kommune.emergency)}>{kommune.emergency}</a></p>
      <p>{T.akutPolice} <a href={telHref(kommune.police)}>{kommune.police}</a></p>
      <p>{T.akutAfterHours} {after.name}, <a href={telHref(after.phone)}>{after.phone}</a></p>
    </div>
  );
}

function ProcedureCard({ entry }: { entry: Extract<Entry, { kind: "procedure" }> }) {
  const open = isOpen(kommune.intake.hours, kommune.timezone);
  const concern = (kommune.concerns as Record<string, string>)[entry.payload.concern] ?? entry.payload.concern;
  const age = (kommune.ageGroups as Record<string, string>)[entry.payload.age_group] ?? "";
  return (
    <article class="hv-card" aria-label={`${concern} – ${age}`}>
      <header class="hv-card-head">
        <h3>{concern}</h3>
        <span class="hv-card-age">{age}</span>
        <span class={open ? "hv-badge hv-open" : "hv-badge hv-closed"}>
          {T.cardPhoneLine} {kommune.intake.name}: {open ? T.cardOpen : T.cardClosed}
        </span>
      </header>
      {entry.sections.map((text, i) => (
        <section class="hv-card-section" key={i}>
          <RichText text={text} />
        </section>
      ))}
    </article>
  );
}

function Offline() {
  return (
    <div class="hv-offline" role="alert">
      <p>{T.offline}</p>
      <p>{T.offlineDanger} <a href={telHref(kommune.emergency)}>{kommune.emergency}</a>.</p>
      <p>
        {T.offlineIntake} {kommune.intake.name}: {linkify(kommune.intake.phone)}
        {kommune.intake.email ? <>, {linkify(kommune.intake.email)}</> : null}
      </p>
    </div>
  );
}

function QuickReplies({ buttons, onPick }: { buttons: Button[]; onPick: (b: Button) => void }) {
  return (
    <div class="hv-quick" role="group" aria-label={T.quickRepliesLabel}>
      {buttons.map((b) => (
        <button type="button" class="hv-quick-btn" key={b.payload} onClick={() => onPick(b)}>{b.title}</button>
      ))}
    </div>
  );
}

function EntryView({ entry }: { entry: Entry }) {
  const incoming = entry.from !== "user";
  let content;
  if (entry.kind === "akut") content = <AkutBanner />;
  else if (entry.kind === "procedure") content = <ProcedureCard entry={entry} />;
  else if (entry.kind === "offline") content = <Offline />;
  else content = <RichText text={entry.text} />;
  return (
    <Message
      model={{ direction: incoming ? "incoming" : "outgoing", position: "single", type: "custom", sender: incoming ? T.bot : T.you }}
    >
      <Message.CustomContent>
        <span class="hv-sr">{incoming ? T.bot : T.you}: </span>
        {content}
      </Message.CustomContent>
    </Message>
  );
}

export function App({ config }: { config: WidgetConfig }) {
  const [open, setOpen] = useState(false);
  const [entries, setEntries] = useState<Entry[]>([]);
  const [typing, setTyping] = useState(false);
  const greeted = useRef(false);
  const launcher = useRef<HTMLButtonElement>(null);

  async function send(message: string, shown: string | null) {
    if (shown !== null) setEntries((e) => [...e, { id: nextId(), from: "user", kind: "text", text: shown }]);
    setTyping(true);
    try {
      const res = await fetch(`${config.serverUrl}/webhooks/rest/webhook`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ sender: config.senderId, message }),
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const replies = (await res.json()) as BotMessage[];
      setEntries((e) => [...e.map((x) => ({ ...x, buttons: undefined })), ...toEntries(replies, nextId)]);
    } catch {
      setEntries((e) => [...e, { id: nextId(), from: "bot", kind: "offline" }]);
    } finally {
      setTyping(false);
    }
  }

  useEffect(() => {
    // The chat kit's send button is an icon without a name; give it one for screen readers.
    document.querySelectorAll<HTMLButtonElement>(".hv-root .cs-button--send").forEach((b) => {
      b.setAttribute("aria-label", T.send);
      b.title = T.send;
    });
  });

  useEffect(() => {
    if (open && !greeted.current) {
      greeted.current = true;
      void send("/greet", null);
    }
  }, [open]);


  if (!open) {
    return (
      <button ref={launcher} class="hv-launcher" type="button" aria-label={T.openLabel} onClick={() => setOpen(true)}>
        <span aria-hidden="true">💬</span> {T.launcher}
      </button>
    );
  }
  return (
    <div class="hv-panel" role="dialog" aria-label={config.title} aria-modal="false"
      onKeyDown={(e) => { if (e.key === "Escape") setOpen(false); }}>
      <MainContainer>
        <ChatContainer>
          <ConversationHeader>
            <ConversationHeader.Content userName={config.title} info={T.subtitle} />
            <ConversationHeader.Actions>
              <button class="hv-close" type="button" aria-label={T.closeLabel} onClick={() => setOpen(false)}>×</button>
            </ConversationHeader.Actions>
          </ConversationHeader>
          <MessageList
            typingIndicator={typing ? <TypingIndicator content={T.typing} /> : null}
            aria-label={T.messagesLabel}
            aria-live="polite"
          >
            <MessageList.Content>
              <p class="hv-notice">{config.anonymous ? T.anonymous : T.pseudonymous}</p>
              {entries.map((entry) => (
                <Fragment key={entry.id}>
                  <EntryView entry={entry} />
                  {entry.buttons?.length ? <QuickReplies buttons={entry.buttons} onPick={(b) => void send(b.payload, b.title)} /> : null}
                </Fragment>
              ))}
            </MessageList.Content>
          </MessageList>
          <MessageInput
            placeholder={T.placeholder}
            attachButton={false}
            autoFocus
            sendButton
            aria-label={T.placeholder}
            onSend={(_html: string, textContent: string) => {
              const text = textContent.trim();
              if (text) void send(text, text);
            }}
          />
        </ChatContainer>
      </MainContainer>
    </div>
  );
}
