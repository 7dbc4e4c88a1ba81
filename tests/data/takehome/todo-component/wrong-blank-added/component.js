// WRONG: blank text is added as an empty item instead of returning null.
// To-do list as a class over a Map; markup with class before data-id, single
// quotes and numeric character references (all the same HTML to a browser).
"use strict";

const FILTERS = new Map([
  ["all", () => true],
  ["active", (item) => !item.done],
  ["done", (item) => item.done],
]);

function escape(text) {
  return String(text).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

class TodoList {
  #items = new Map();
  #next = 1;
  #filter = "all";

  constructor(initial = []) {
    for (const text of initial) this.add(text);
  }

  add(text) {
    const clean = typeof text === "string" ? text.trim() : "";
    
    const item = { id: this.#next++, text: clean, done: false };
    this.#items.set(item.id, item);
    return { ...item };
  }

  toggle(id) {
    const item = this.#items.get(id);
    if (item === undefined) return false;
    item.done = !item.done;
    return true;
  }

  remove(id) {
    return this.#items.delete(id);
  }

  setFilter(name) {
    if (!FILTERS.has(name)) throw new Error(`Unknown filter: ${name}`);
    this.#filter = name;
  }

  visible() {
    const keep = FILTERS.get(this.#filter);
    return [...this.#items.values()].filter(keep).map((item) => ({ ...item }));
  }

  render() {
    const rows = this.visible()
      .map((item) => `<li${item.done ? " class='done'" : ""} data-id='${item.id}'>${escape(item.text)}</li>`)
      .join("");
    const left = [...this.#items.values()].filter((item) => !item.done).length;
    return `<ul class='todos'>${rows}</ul><p class='count'>${left} item${left === 1 ? "" : "s"} left</p>`;
  }
}

function createTodoList(initial) {
  const list = new TodoList(initial);
  return {
    add: (text) => list.add(text),
    toggle: (id) => list.toggle(id),
    remove: (id) => list.remove(id),
    setFilter: (name) => list.setFilter(name),
    visible: () => list.visible(),
    render: () => list.render(),
  };
}

module.exports = { createTodoList };
