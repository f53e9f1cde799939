// What a person does in the VS Code workbench, as Playwright steps. Selectors are VS Code 1.100 internals, which is
// why code-server is pinned.
'use strict';
const fs = require('fs');
const path = require('path');

const isMac = false;
const mod = isMac ? 'Meta' : 'Control';
/** The editor of the active editor group (a webview beside it makes a second group). */
const ACTIVE_EDITOR = '.editor-group-container.active .editor-instance .monaco-editor';
const SUGGEST_WIDGET = '.editor-widget.suggest-widget.visible';

/** Polls `probe` until it returns a truthy value; throws `what` with the last value seen on timeout. */
async function until(what, probe, timeoutMs = 20000, everyMs = 150) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    last = await probe();
    if (last) return last;
    await new Promise(r => setTimeout(r, everyMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${JSON.stringify(last)}`);
}

function helpers(page, folder) {
  /**
   * Presses ArrowDown (at most `presses` times) until `isFocused()`, then checks the focus is still there `settleMs`
   * later: a list refreshed meanwhile puts it back on its first row. Up to three rounds; true when it held.
   */
  const steadyFocus = async (isFocused, presses, settleMs) => {
    for (let round = 1; round <= 3; round++) {
      for (let i = 0; i < presses && !(await isFocused()); i++) await page.keyboard.press('ArrowDown');
      await page.waitForTimeout(settleMs);
      if (await isFocused()) return true;
    }
    return false;
  };
  const suggestionLabels = () =>
    page
      .locator(`${SUGGEST_WIDGET} .monaco-list-row`)
      .evaluateAll(els => els.map(e => e.getAttribute('aria-label') || e.textContent))
      .catch(() => []);
  const h = {
    folder,
    until,
    /** Absolute path of a workspace file (the temporary copy). */
    file: rel => path.join(folder, rel),
    read: rel => fs.readFileSync(path.join(folder, rel), 'utf8'),

    async openFile(rel) {
      const base = path.basename(rel);
      await page.keyboard.press(`${mod}+P`);
      await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
      await page.keyboard.type(rel);
      // Enter only once the file is the focused row: the list briefly shows stale results while it filters.
      await page.waitForSelector(`.quick-input-list .monaco-list-row.focused[aria-label*="${base}"]`, {
        timeout: 20000,
      });
      await page.keyboard.press('Enter');
      await page.waitForSelector(`.editor-group-container.active .tab.active[aria-label*="${base}"]`, {
        timeout: 20000,
      });
      await page.waitForSelector(`${ACTIVE_EDITOR} .view-lines`, { timeout: 20000 });
      await h.focusEditor();
    },

    async focusEditor() {
      await page.locator(`${ACTIVE_EDITOR} textarea.inputarea, ${ACTIVE_EDITOR} .native-edit-context`).first().focus();
    },

    /** Moves the cursor to a 1-based line and column through "Go to Line/Column" (Ctrl+G). */
    async gotoLine(line, column = 1) {
      await h.focusEditor();
      await page.keyboard.press(`${mod}+G`);
      await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
      await page.keyboard.type(`${line}:${column}`);
      await page.keyboard.press('Enter');
      await page.waitForSelector('.quick-input-widget', { state: 'hidden' });
    },

    /** The position of the first occurrence of `text` in the active editor's model, 1-based. */
    async positionOf(text, occurrence = 1) {
      const body = await h.editorText();
      let at = -1;
      for (let i = 0; i < occurrence; i++) at = body.indexOf(text, at + 1);
      if (at < 0) throw new Error(`"${text}" not found in the editor`);
      const before = body.slice(0, at).split('\n');
      return { line: before.length, column: before[before.length - 1].length + 1 };
    },

    /** The active editor's full text, read from the model through the clipboard-free accessibility view of lines. */
    async editorText() {
      return page.evaluate(sel => {
        const rows = [...document.querySelectorAll(`${sel} .view-lines .view-line`)];
        return rows
          .map(r => ({ top: parseFloat(r.style.top), text: r.textContent.replace(/\u00a0/g, ' ') }))
          .sort((a, b) => a.top - b.top)
          .map(r => r.text)
          .join('\n');
      }, ACTIVE_EDITOR);
    },

    /** Shows the hover at the cursor (Ctrl+K Ctrl+I) and returns its text. */
    async hoverAt(text, offsetInText = 1, occurrence = 1) {
      const p = await h.positionOf(text, occurrence);
      await h.gotoLine(p.line, p.column + offsetInText);
      return h.showHover();
    },

    async showHover() {
      const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content').first();
      return until(
        'a hover',
        async () => {
          if (!(await hover.isVisible().catch(() => false))) {
            await page.keyboard.press(`${mod}+K`);
            await page.keyboard.press(`${mod}+I`);
            await page.waitForTimeout(400);
          }
          const t = await hover.innerText().catch(() => '');
          return t && !/^Loading/.test(t) ? t : '';
        },
        15000,
        300,
      );
    },

    /** Selects from the cursor to the end of the line (Shift+End) and deletes it. */
    async deleteToLineEnd() {
      await page.keyboard.press('Shift+End');
      await page.keyboard.press('Delete');
    },

    /**
     * Opens the suggestion list (Ctrl+Space) and returns its rows' accessible labels once `accept(rows)` holds and the
     * list has stopped changing. Ctrl+Space is pressed again only after 3 s without a list: a second request answered
     * late replaces the list and puts the focus back on its first row.
     */
    async suggest(accept = rows => rows.length > 0) {
      const widget = page.locator(SUGGEST_WIDGET);
      let pressedAt = 0;
      let previous = '';
      return until(
        'the suggestion list',
        async () => {
          if (!(await widget.count())) {
            if (Date.now() - pressedAt > 3000) {
              await page.keyboard.press('Control+Space');
              pressedAt = Date.now();
            }
            previous = '';
            return false;
          }
          const labels = await suggestionLabels();
          const seen = JSON.stringify(labels);
          const settled = seen === previous;
          previous = seen;
          return settled && labels.length && accept(labels) ? labels : false;
        },
        15000,
        250,
      );
    },

    /**
     * Moves the suggestion list's focus to the item whose label starts with `label` and checks it stays there (a list
     * refreshed meanwhile resets the focus); returns the row as shown (label and inline detail).
     */
    async focusSuggestion(label) {
      const focused = page.locator(`${SUGGEST_WIDGET} .monaco-list-row.focused`);
      const focusedLabel = async () =>
        (await focused.getAttribute('aria-label', { timeout: 1000 }).catch(() => '')) || '';
      if (await steadyFocus(async () => (await focusedLabel()).startsWith(label), 50, 300))
        return (await focused.innerText()).replace(/\s+/g, ' ').trim();
      throw new Error(
        `suggestion "${label}" could not be focused; focused: ${await focusedLabel()}; list: ` +
          `${JSON.stringify(await suggestionLabels())}`,
      );
    },

    /** Accepts the suggestion whose label starts with `label`, moving to it with the keyboard. */
    async acceptSuggestion(label) {
      await h.focusSuggestion(label);
      await page.keyboard.press('Enter');
    },

    /** The text of one 1-based line of the active editor. */
    async lineText(line) {
      return (await h.editorText()).split('\n')[line - 1];
    },

    async dismiss() {
      await page.keyboard.press('Escape');
    },

    /** Opens the Problems panel (Ctrl+Shift+M) and returns its rows' texts once `accept(rows)` holds. */
    async problems(accept = rows => rows.length > 0, timeoutMs = 20000) {
      if (
        !(await page
          .locator('.markers-panel')
          .isVisible()
          .catch(() => false))
      )
        await page.keyboard.press(`${mod}+Shift+M`);
      await page.waitForSelector('.markers-panel', { timeout: 10000 });
      return until(
        'the expected Problems rows',
        async () => {
          const rows = await page
            .locator('.markers-panel .monaco-list-row')
            .evaluateAll(els => els.map(e => e.getAttribute('aria-label') || e.textContent));
          return accept(rows) ? rows : false;
        },
        timeoutMs,
      ).catch(async e => {
        const rows = await page
          .locator('.markers-panel .monaco-list-row')
          .evaluateAll(els => els.map(el => el.getAttribute('aria-label') || el.textContent));
        throw new Error(`${e.message}\nProblems rows: ${JSON.stringify(rows, null, 1)}`);
      });
    },

    /**
     * Opens the lightbulb menu (Ctrl+.) at the cursor and chooses the action whose title contains `title` with the
     * keyboard.
     */
    async quickFix(title) {
      const rows = page.locator('.action-widget .monaco-list-row.action');
      const shown = async () => (await rows.allInnerTexts().catch(() => [])).some(t => t.includes(title));
      // The menu answers "No code actions available" when markers change while it asks (another extension's
      // diagnostics arriving); a person presses Ctrl+. again, and so does this (extra presses are printed).
      for (let attempt = 1; ; attempt++) {
        await h.focusEditor();
        await page.keyboard.press(`${mod}+.`);
        const ok = await until(`quick fix "${title}" in the lightbulb menu`, shown, attempt < 3 ? 5000 : 15000).then(
          () => true,
          () => false,
        );
        if (ok) {
          if (attempt > 1) console.log(`       lightbulb menu needed ${attempt} presses of Ctrl+.`);
          break;
        }
        if (attempt >= 3)
          throw new Error(
            `quick fix "${title}" not in the lightbulb menu after ${attempt} presses; menu: ` +
              `${JSON.stringify(await rows.allInnerTexts().catch(() => []))}`,
          );
        await page.keyboard.press('Escape');
      }
      // Enter only once the focus has stayed on the action for a moment: a menu refreshed meanwhile refocuses its first
      // row.
      const focused = page.locator('.action-widget .monaco-list-row.action.focused');
      const onTitle = async () => (await focused.innerText({ timeout: 1000 }).catch(() => '')).includes(title);
      if (!(await steadyFocus(onTitle, 20, 200)))
        throw new Error(
          `could not focus "${title}" in the lightbulb menu; menu: ` +
            `${JSON.stringify(await rows.allInnerTexts().catch(() => []))}`,
        );
      await page.keyboard.press('Enter');
      await page.waitForSelector('.action-widget', { state: 'hidden', timeout: 5000 }).catch(() => undefined);
    },

    async save() {
      await h.focusEditor();
      await page.keyboard.press(`${mod}+S`);
      await until(
        'the editor to be saved',
        async () => !(await page.locator('.editor-group-container.active .tab.active.dirty').count()),
        10000,
      );
    },

    /** Runs a command from the palette (F1) by its title. */
    async runCommand(title) {
      await page.keyboard.press('F1');
      await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
      await page.keyboard.type(title);
      const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
      await row.waitFor({ state: 'visible', timeout: 15000 });
      await page.keyboard.press('Enter');
    },

    /** Text of a status-bar entry, found by the text it shows (`pattern`), once it matches. */
    async statusBar(pattern, timeoutMs = 20000) {
      return until(
        `a status-bar entry matching ${pattern}`,
        async () => {
          const texts = await page.locator('.statusbar-item').allInnerTexts();
          return texts.find(t => pattern.test(t)) || false;
        },
        timeoutMs,
      );
    },

    /** Waits for a notification toast whose text matches `pattern` and returns its text. */
    async notification(pattern, timeoutMs = 20000) {
      return until(
        `a notification matching ${pattern}`,
        async () => {
          const texts = await page
            .locator('.notifications-toasts .notification-list-item-message')
            .allInnerTexts()
            .catch(() => []);
          return texts.find(t => pattern.test(t)) || false;
        },
        timeoutMs,
      ).catch(async e => {
        const texts = await page
          .locator('.notification-list-item-message')
          .allInnerTexts()
          .catch(() => []);
        throw new Error(`${e.message}; notifications: ${JSON.stringify(texts)}`);
      });
    },

    async clearNotifications() {
      await h.runCommand('Notifications: Clear All Notifications').catch(() => undefined);
    },

    /** The text inside the webview whose document contains `marker` (webviews live in nested iframes). */
    async webviewText(marker, timeoutMs = 20000) {
      return until(
        `a webview containing "${marker}"`,
        async () => {
          for (const frame of page.frames()) {
            const text = await frame.evaluate(() => (document.body ? document.body.innerText : '')).catch(() => '');
            if (text.includes(marker)) return text;
          }
          return false;
        },
        timeoutMs,
      );
    },

    /** A PNG of the visible webview panel (the iframe element in the editor area). */
    async webviewScreenshot(file) {
      const frame = page.locator('.webview.ready, iframe.webview').last();
      await frame.waitFor({ state: 'visible', timeout: 10000 });
      return frame.screenshot({ path: file });
    },

    async activeTab() {
      return page.locator('.editor-group-container.active .tab.active').getAttribute('aria-label');
    },
  };
  return h;
}

module.exports = { helpers, until };
