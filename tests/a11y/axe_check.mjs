// Runs axe-core on one HTML file in Debian's headless Chromium and prints the violations as JSON.
// Usage: node axe_check.mjs PAGE.html  (CHROMIUM overrides /usr/bin/chromium)
import { readFileSync, mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const page_html = readFileSync(process.argv[2], "utf8");

// The machine's network is closed: Chromium's background fetches would only fail noisily.
const browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "axe-")), {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});
try {
  const page = await browser.newPage();
  await page.setContent(page_html, { waitUntil: "load" });
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")),
    }));
  });
  process.stdout.write(JSON.stringify({ axe_version: require("axe-core/package.json").version, violations: result }));
} finally {
  await browser.close();
}
