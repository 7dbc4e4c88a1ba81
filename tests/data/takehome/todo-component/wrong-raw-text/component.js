// WRONG: item text goes into the HTML as it was typed, so <img ...> becomes a tag.
// To-do list with immutable state: every change builds a new array. The markup
// is indented over several lines, every <li> has class "todo" and finished ones
// add "done"; only &, < and > are escaped (enough for text inside an element).
"use strict";

const escapeText = (text) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

const KEEP = {
  all: () => true,
  active: (todo) => !todo.done,
  done: (todo) => todo.done,
};

function createTodoList(initial) {
  let state = { todos: [], lastId: 0, filter: "all" };

  const api = {
    add(text) {
      const trimmed = String(text == null ? "" : text).trim();
      if (trimmed.length === 0) return null;
      const todo = Object.freeze({ id: state.lastId + 1, text: trimmed, done: false });
      state = { ...state, todos: [...state.todos, todo], lastId: todo.id };
      return todo;
    },
    toggle(id) {
      if (!state.todos.some((todo) => todo.id === id)) return false;
      state = {
        ...state,
        todos: state.todos.map((todo) => (todo.id === id ? Object.freeze({ ...todo, done: !todo.done }) : todo)),
      };
      return true;
    },
    remove(id) {
      const todos = state.todos.filter((todo) => todo.id !== id);
      const existed = todos.length !== state.todos.length;
      state = { ...state, todos };
      return existed;
    },
    setFilter(name) {
      if (!(name in KEEP) || !Object.hasOwn(KEEP, name)) {
        throw new RangeError(`filter must be all, active or done, not ${name}`);
      }
      state = { ...state, filter: name };
    },
    visible() {
      return state.todos.filter(KEEP[state.filter]);
    },
    render() {
      const lines = ['<ul class="todos">'];
      for (const todo of api.visible()) {
        const classes = todo.done ? "todo done" : "todo";
        lines.push(`  <li data-id="${todo.id}" class="${classes}">`, `    ${todo.text}`, "  </li>");
      }
      lines.push("</ul>");
      const left = state.todos.filter((todo) => !todo.done).length;
      lines.push(`<p class="count">${left} ${left === 1 ? "item" : "items"} left</p>`);
      return lines.join("\n");
    },
  };

  (initial || []).forEach((text) => api.add(text));
  return api;
}

module.exports = { createTodoList };
