// Browser tests of the chat widget against the real bot (Debian's Chromium via playwright-core).
// Usage: node tests/browser/widget.test.mjs <bot-url> <artefact-dir>
// Prints one line per check and a closing "N passed, N failed" line.
import { createRequire } from "node:module";
import { mkdirSync } from "node:fs";
import path from "node:path";

const require = createRequire(new URL("../../widget/package.json", import.meta.url));
const { chromium } = require("playwright-core");

const [, , botUrl, artefacts = "build/test-reports"] = process.argv;
mkdirSync(artefacts, { recursive: true });
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

let passed = 0, failed = 0;
async function check(name, fn) {
  try { await fn(); passed++; console.log(`ok   ${name}`); }
  catch (err) { failed++; console.log(`FAIL ${name}\n     ${String(err && err.stack || err).split("\n").slice(0, 4).join("\n     ")}`); }
}
function expect(cond, message) { if (!cond) throw new Error(message); }

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });

async function openWidget(viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport, locale: "da-DK", timezoneId: "Europe/Copenhagen" });
  const page = await context.newPage();
  await page.goto(`${botUrl}/webhooks/widget/demo`);
  await page.getByRole("button", { name: "Åbn Handlevej-chatten" }).click();
  await page.getByText("Jeg gemmer ingen navne").waitFor({ timeout: 30000 });
  return { context, page };
}

async function type(page, text) {
  const input = page.locator(".cs-message-input__content-editor");
  await input.click();
  await input.fill(text);
  await page.keyboard.press("Enter");
}

async function lastReplyCount(page) { return page.locator(".cs-message--incoming").count(); }

await check("a worry answered by clicking and typing ends in a procedure card with the right numbers", async () => {
  const { context, page } = await openWidget();
  await type(page, "En elev har fortalt, at hun skal på en lang ferie hos sin farmor i hjemlandet og ikke ved, hvornår hun kommer tilbage.");
  await page.getByText("Ufrivilligt udlandsophold").first().waitFor({ timeout: 30000 });
  await page.getByRole("button", { name: "Under 18 år" }).click();          // answer by clicking
  await page.getByText("inden for få dage").waitFor({ timeout: 30000 });
  await type(page, "nej, ikke lige nu");                                    // answer by typing
  const card = page.locator("article.hv-card");
  await card.waitFor({ timeout: 30000 });
  const text = await card.innerText();
  expect(text.includes("48 100 100"), "intake phone missing from the card");
  expect(text.includes("Du skal underrette"), "duty to notify missing");
  expect(await card.locator('a[href="tel:+4548100100"]').count() > 0, "no tel: link for 48 100 100");
  expect(await card.locator('a[href="mailto:familier@alleroed.dk"]').count() > 0, "no mailto: link");
  expect(/Åben nu|Lukket nu/.test(text), "no open/closed badge");
  await page.screenshot({ path: path.join(artefacts, "widget-procedure.png"), fullPage: false });
  await context.close();
});

await check("an acute message shows the red banner with 112, 114 and 4927 1448", async () => {
  const { context, page } = await openWidget();
  await type(page, "Hendes bror har truet med at slå hende ihjel, og hun tør ikke tage hjem i aften");
  const banner = page.locator(".hv-akut");
  await banner.waitFor({ timeout: 30000 });
  const text = await banner.innerText();
  for (const n of ["112", "114", "4927 1448"]) expect(text.includes(n), `banner lacks ${n}`);
  expect(await banner.getAttribute("role") === "alert", "banner is not announced (role=alert)");
  expect(await banner.locator('a[href="tel:112"]').count() === 1, "112 is not click-to-call");
  await page.screenshot({ path: path.join(artefacts, "widget-akut.png") });
  await context.close();
});

await check("HTML in a message is shown as text, never run", async () => {
  const { context, page } = await openWidget();
  const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
  await page.route("**/webhooks/rest/webhook", (route) => route.fulfill({
    status: 200, contentType: "application/json",
    body: JSON.stringify([{ recipient_id: "x", text: `Svar ${evil}` }]),
  }));
  await type(page, evil);
  await page.getByText("Svar <img", { exact: false }).waitFor({ timeout: 10000 });
  expect(await page.evaluate(() => window.__pwned) === undefined, "injected code ran");
  expect(await page.locator(".hv-root img[src=x], .hv-root script").count() === 0, "markup was inserted as HTML");
  await context.close();
});

await check("when the server cannot be reached the widget says so and still shows 112 and the intake number", async () => {
  const { context, page } = await openWidget();
  await page.route("**/webhooks/rest/webhook", (route) => route.abort("connectionrefused"));
  await type(page, "hej");
  const offline = page.locator(".hv-offline");
  await offline.waitFor({ timeout: 10000 });
  const text = await offline.innerText();
  expect(text.includes("112") && text.includes("48 100 100"), `offline message lacks numbers: ${text}`);
  await context.close();
});

await check("keyboard and phone width: Enter sends, focus stays in the input, panel fills a 375 px screen", async () => {
  const { context, page } = await openWidget({ width: 375, height: 740 });
  const box = await page.locator(".hv-panel").boundingBox();
  expect(box && box.width >= 370, `panel is ${box && box.width}px wide on a phone`);
  const before = await lastReplyCount(page);
  await type(page, "hvem kan jeg ringe til?");
  await page.waitForFunction((n) => document.querySelectorAll(".cs-message--incoming").length > n, before, { timeout: 30000 });
  const focused = await page.evaluate(() => document.activeElement && document.activeElement.className);
  expect(String(focused).includes("cs-message-input__content-editor"), `focus moved to ${focused}`);
  expect(await page.getByText("Samtalen er anonym").count() === 1, "anonymous notice missing");
  await page.screenshot({ path: path.join(artefacts, "widget-phone.png") });
  await context.close();
});

await check("a reload starts a new anonymous conversation", async () => {
  const { context, page } = await openWidget();
  const ids = [];
  page.on("request", (r) => { if (r.url().endsWith("/webhooks/rest/webhook")) ids.push(JSON.parse(r.postData()).sender); });
  await type(page, "hej");
  await page.reload();
  await page.getByRole("button", { name: "Åbn Handlevej-chatten" }).click();
  await page.getByText("Jeg gemmer ingen navne").waitFor({ timeout: 30000 });
  expect(ids.length >= 2 && ids[0] !== ids[ids.length - 1], `sender ids ${ids}`);
  expect(await page.evaluate(() => localStorage.length + sessionStorage.length) === 0, "something was stored in the browser");
  await context.close();
});

await check("an intranet can pass a pseudonymous user id instead of anonymous mode", async () => {
  const context = await browser.newContext({ locale: "da-DK" });
  const page = await context.newPage();
  await page.addInitScript(() => { window.HandlevejConfig = { userId: "pseudo-42" }; });
  const ids = [];
  page.on("request", (r) => { if (r.url().endsWith("/webhooks/rest/webhook")) ids.push(JSON.parse(r.postData()).sender); });
  await page.goto(`${botUrl}/webhooks/widget/demo`);
  await page.getByRole("button", { name: "Åbn Handlevej-chatten" }).click();
  await page.getByText("Jeg gemmer ingen navne").waitFor({ timeout: 30000 });
  expect(ids[0] === "user-pseudo-42", `sender was ${ids[0]}`);
  expect(await page.getByText("Samtalen gemmes ikke med navne.").count() === 1, "pseudonymous notice missing");
  expect(await page.getByText("Samtalen er anonym").count() === 0, "claims to be anonymous");
  const unnamed = await page.locator(".hv-root button").evaluateAll((bs) => bs.filter((b) => !(b.getAttribute("aria-label") || b.textContent.trim())).length);
  expect(unnamed === 0, `${unnamed} buttons without an accessible name`);
  await context.close();
});

await browser.close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
