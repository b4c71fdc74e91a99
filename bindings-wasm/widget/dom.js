// @ts-check
// Building and patching the widget's shadow DOM: elements from attributes and children, setters
// that touch only what differs (so that a patch mutates only what changed), and HTML written from
// escaped text, through a Trusted Types policy where a page enforces them.

/**
 * Creates an element with attributes and children.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, string | number | boolean | null | undefined>} [attributes]
 * @param {(Node | string | null | undefined | false)[]} [children]
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, attributes = {}, children = []) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child);
  }
  return element;
}

/**
 * The nodes of a list, without the absent ones (for `append` and `replaceChildren`).
 * @param {(Node | string | null | undefined | false)[]} list
 * @returns {(Node | string)[]}
 */
export function present(list) {
  return /** @type {(Node | string)[]} */ (list.filter((node) => node !== null && node !== undefined && node !== false));
}

/**
 * Sets an attribute only when it differs (so that a patch mutates only what changed).
 * @param {Element} element
 * @param {string} name
 * @param {string | null} value
 */
export function setAttr(element, name, value) {
  if (value === null) {
    if (element.hasAttribute(name)) element.removeAttribute(name);
  } else if (element.getAttribute(name) !== value) {
    element.setAttribute(name, value);
  }
}

/**
 * Sets text only when it differs.
 * @param {Element} element
 * @param {string} text
 */
export function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}

/**
 * Sets a class only when it differs.
 * @param {Element} element
 * @param {string} name
 * @param {boolean} on
 */
export function setClass(element, name, on) {
  if (element.classList.contains(name) !== on) element.classList.toggle(name, on);
}

/** @type {Record<string, string>} */
const HTML_ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** The widget's Trusted Types policy, once a page is found to enforce them. @type {any} */
let htmlPolicy;

/**
 * Writes HTML built from escaped text into an element; under Trusted Types, through the policy
 * `workplan-progress` (a page's `trusted-types` directive that lists policies must allow it).
 * @param {Element} element
 * @param {string} html
 */
export function setHtml(element, html) {
  try {
    element.innerHTML = htmlPolicy ? htmlPolicy.createHTML(html) : html;
  } catch (error) {
    const types = /** @type {any} */ (globalThis).trustedTypes;
    if (htmlPolicy || !types) throw error;
    htmlPolicy = types.createPolicy("workplan-progress", { createHTML: (/** @type {string} */ text) => text });
    element.innerHTML = htmlPolicy.createHTML(html);
  }
}

/**
 * Text made safe inside HTML, as element content or a double-quoted attribute value.
 * @param {string} text
 */
export function escapeHtml(text) {
  return /[&<>"]/.test(text) ? text.replace(/[&<>"]/g, (c) => HTML_ESCAPES[c]) : text;
}
