export interface WidgetConfig {
  serverUrl: string;
  title: string;
  primaryColor: string;
  anonymous: boolean;
  senderId: string;
}

declare global {
  interface Window { HandlevejConfig?: Partial<WidgetConfig> & { userId?: string } }
}

function randomId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return "anon-" + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Config from `window.HandlevejConfig` or the script tag's data attributes.
 * Anonymous mode (default): a random id per page load, kept only in memory, so
 * a reload starts a new conversation. An intranet may pass a pseudonymous userId.
 */
export function readConfig(script: HTMLScriptElement | null): WidgetConfig {
  const global = window.HandlevejConfig ?? {};
  const data = script?.dataset ?? {};
  const origin = script?.src ? new URL(script.src).origin : window.location.origin;
  const userId = global.userId ?? data.userId;
  return {
    serverUrl: (global.serverUrl ?? data.server ?? origin).replace(/\/$/, ""),
    title: global.title ?? data.title ?? "Handlevej",
    primaryColor: global.primaryColor ?? data.color ?? "#1d4f91",
    anonymous: !userId,
    senderId: userId ? `user-${userId}` : randomId(),
  };
}
