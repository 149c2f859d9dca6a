// Sorting and filtering for the lockstep report, in plain JavaScript. Without it the tables
// are already sorted worst first and show every row; the "needs work only" filter of a page
// is pure CSS.
(function () {
  'use strict';

  function text(cell) {
    return cell ? cell.textContent.trim() : '';
  }

  function number(cell) {
    var n = parseFloat(text(cell).replace(/[^0-9.\-]/g, ''));
    return isNaN(n) ? -Infinity : n;
  }

  // Column headers with data-sort become buttons; a click sorts by that column, a second
  // click reverses. Rows keep their written order among equals.
  function sortable(table) {
    var head = table.tHead && table.tHead.rows[0];
    var body = table.tBodies[0];
    if (!head || !body) return;
    var collator = new Intl.Collator(document.documentElement.lang || undefined, { numeric: true });
    Array.prototype.forEach.call(body.rows, function (row, i) { row.setAttribute('data-order', i); });
    Array.prototype.forEach.call(head.cells, function (th, column) {
      var kind = th.getAttribute('data-sort');
      if (!kind) return;
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort';
      button.title = th.title;
      th.removeAttribute('title');
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener('click', function () {
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        Array.prototype.forEach.call(head.cells, function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var rows = Array.prototype.slice.call(body.rows);
        var fixed = rows.filter(function (r) { return r.classList.contains('error'); });
        var moving = rows.filter(function (r) { return !r.classList.contains('error'); });
        moving.sort(function (a, b) {
          var x = a.cells[column], y = b.cells[column];
          var c = kind === 'num' ? number(x) - number(y) : collator.compare(text(x), text(y));
          if (!ascending) c = -c;
          return c || a.getAttribute('data-order') - b.getAttribute('data-order');
        });
        fixed.concat(moving).forEach(function (r) { body.appendChild(r); });
      });
    });
  }

  // A status filter shows the rows whose data-has lists the chosen status.
  function filter(form) {
    var table = form.parentNode.querySelector('table');
    var select = form.querySelector('select');
    if (!table || !select) return;
    form.hidden = false;
    form.addEventListener('submit', function (e) { e.preventDefault(); });
    select.addEventListener('change', function () {
      var wanted = select.value;
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        var has = (row.getAttribute('data-has') || '').split(' ');
        row.hidden = wanted !== '' && has.indexOf(wanted) < 0 && has.indexOf('error') < 0;
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), sortable);
    Array.prototype.forEach.call(document.querySelectorAll('form[data-filter]'), filter);
  });
})();
