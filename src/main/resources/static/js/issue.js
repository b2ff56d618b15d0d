// One press creates and dispatches. The idempotency key stays with the exact request until it has
// succeeded, so a double press, a retry or a reload while it was in flight replays the first one.
(function () {
  const form = document.getElementById('issue-form');
  const result = document.getElementById('issue-result');
  const workingDays = document.getElementById('working-days');
  const STORE = 'duban.issue.pending';

  function request() {
    const co = Array.prototype.map.call(form.querySelectorAll('input[name="coDepartments"]:checked'),
      function (box) { return box.value; });
    return {
      title: form.elements.title.value.trim(),
      instruction: form.elements.instruction.value.trim(),
      category: form.elements.category.value,
      priority: form.elements.priority.value,
      leadDepartment: form.elements.leadDepartment.value,
      coDepartments: co,
      deadline: form.elements.deadline.value,
      reportCycle: form.elements.reportCycle.value
    };
  }

  function keyFor(body) {
    const text = JSON.stringify(body);
    try {
      const pending = JSON.parse(sessionStorage.getItem(STORE) || 'null');
      if (pending && pending.body === text) {
        return pending.key;
      }
      sessionStorage.setItem(STORE, JSON.stringify({ key: form.elements.idempotencyKey.value, body: text }));
    } catch (e) { /* private mode: the page's own key still stops a double press */ }
    return form.elements.idempotencyKey.value;
  }

  form.elements.deadline.addEventListener('change', function () {
    const value = form.elements.deadline.value;
    workingDays.textContent = '';
    if (!value) {
      return;
    }
    fetch(form.dataset.calendar + '?to=' + encodeURIComponent(value), { credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (answer) {
        if (!answer) {
          return;
        }
        workingDays.textContent = answer.workingDays > 0
          ? '距今 ' + answer.workingDays + ' 个工作日' + (answer.workingDay ? '' : '（所选日期为休息日）')
          : '所选日期不晚于今天';
      });
  });

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    const button = document.getElementById('issue');
    if (button.disabled) {
      return;
    }
    button.disabled = true;
    result.className = '';
    result.textContent = '正在交办…';
    const body = request();
    duban.post(form.dataset.api, body, { 'Idempotency-Key': keyFor(body) }).then(function (answer) {
      if (answer.ok) {
        try { sessionStorage.removeItem(STORE); } catch (e) { /* nothing kept */ }
        result.className = 'alert info';
        result.textContent = '已交办：' + answer.body.number;
        window.location.assign(form.dataset.directive + answer.body.number);
        return;
      }
      button.disabled = false;
      const message = duban.showProblems(form, answer.body);
      result.className = message ? 'alert error' : '';
      result.textContent = message || '请按提示修改后再提交。';
    }).catch(function () {
      button.disabled = false;
      result.className = 'alert error';
      result.textContent = '网络错误，请稍后重试（不会重复交办）。';
    });
  });
})();
