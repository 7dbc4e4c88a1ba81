// To-do list in ES5 style: a constructor and its prototype. Ids start at 100,
// each <li> carries a checkbox and the text in a <span>, and escaping uses
// named entities through a lookup table.
"use strict";

var ENTITY = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

function escapeHtml(value) {
  var out = "";
  for (var i = 0; i < value.length; i++) out += ENTITY[value[i]] || value[i];
  return out;
}

function TodoList(initial) {
  this.items = [];
  this.nextId = 100;
  this.filter = "all";
  for (var i = 0; initial && i < initial.length; i++) this.add(initial[i]);
}

TodoList.prototype.add = function (text) {
  var clean = String(text || "").replace(/^\s+|\s+$/g, "");
  if (!clean) return null;
  var item = { id: this.nextId, text: clean, done: false };
  this.nextId += 1;
  this.items.push(item);
  return { id: item.id, text: item.text, done: item.done };
};

TodoList.prototype.indexOf = function (id) {
  for (var i = 0; i < this.items.length; i++) if (this.items[i].id === id) return i;
  return -1;
};

TodoList.prototype.toggle = function (id) {
  var at = this.indexOf(id);
  if (at < 0) return false;
  this.items[at].done = !this.items[at].done;
  return true;
};

TodoList.prototype.remove = function (id) {
  var at = this.indexOf(id);
  if (at < 0) return false;
  this.items.splice(at, 1);
  return true;
};

TodoList.prototype.setFilter = function (name) {
  if (name !== "all" && name !== "active" && name !== "done") {
    throw new Error("no such filter: " + name);
  }
  this.filter = name;
};

TodoList.prototype.visible = function () {
  var filter = this.filter;
  return this.items
    .filter(function (item) {
      return filter === "all" || (filter === "done") === item.done;
    })
    .map(function (item) {
      return { id: item.id, text: item.text, done: item.done };
    });
};

TodoList.prototype.render = function () {
  var html = '<ul class="todos">';
  this.visible().forEach(function (item) {
    html += "<li data-id=\"" + item.id + "\"" + (item.done ? ' class="done"' : "") + ">" +
      '<input type="checkbox"' + (item.done ? " checked" : "") + "> " +
      "<span>" + escapeHtml(item.text) + "</span></li>";
  });
  var left = this.items.filter(function (item) { return !item.done; }).length;
  return html + '</ul><p class="count">' + left + (left === 1 ? " item left" : " items left") + "</p>";
};

function createTodoList(initial) {
  var list = new TodoList(initial);
  return {
    add: list.add.bind(list),
    toggle: list.toggle.bind(list),
    remove: list.remove.bind(list),
    setFilter: list.setFilter.bind(list),
    visible: list.visible.bind(list),
    render: list.render.bind(list),
  };
}

module.exports = { createTodoList: createTodoList };
