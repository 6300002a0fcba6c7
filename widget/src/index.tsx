import { h, render } from "preact";
import stylesKit from "@chatscope/chat-ui-kit-styles/dist/default/styles.min.css";
import styles from "./widget.css";
import { App } from "./App";
import { readConfig } from "./config";

const script = document.currentScript as HTMLScriptElement | null;

function mount() {
  const config = readConfig(script);
  const style = document.createElement("style");
  style.textContent = stylesKit + "\n" + styles.replace(/--hv-primary:[^;]*;/, `--hv-primary: ${config.primaryColor};`);
  document.head.appendChild(style);
  const host = document.createElement("div");
  host.className = "hv-root";
  document.body.appendChild(host);
  render(<App config={config} />, host);
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount);
else mount();
