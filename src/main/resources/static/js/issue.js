// One press creates and dispatches. The idempotency key stays with the exact request until it has
// succeeded, so a double press, a retry or a reload while it was in flight replays the first one.
(function () {
  const form = document.getElementById('issue-form');
  const result = document.getElementById('issue-result');
  const workingDays = document.getElementById('working-days');
  const STORE = 'duban.issue.pending';

  const targets = [];
  const targetList = document.getElementById('target-list');
  const previewResult = document.getElementById('preview-result');
  const fieldset = document.getElementById('targets');

  function renderTargets() {
    targetList.innerHTML = '';
    targets.forEach(function (target, index) {
      const item = document.createElement('li');
      item.textContent = target.label + ' ';
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'secondary';
      remove.textContent = '移除';
      remove.addEventListener('click', function () {
        targets.splice(index, 1);
        renderTargets();
        preview();
      });
      item.appendChild(remove);
      targetList.appendChild(item);
    });
  }

  document.getElementById('add-target').addEventListener('click', function () {
    const under = form.elements.targetUnder;
    const level = form.elements.targetLevel;
    const underName = under.value ? under.options[under.selectedIndex].text.replace(/^[\s　└]+/, '') : '全市';
    targets.push({ under: under.value || null, level: level.value,
      label: underName + '的全部' + level.options[level.selectedIndex].text });
    renderTargets();
    preview();
  });

  // the units the request reaches, as the server resolves them, before anything is created
  function preview() {
    previewResult.textContent = '正在计算…';
    duban.post(fieldset.dataset.preview, request()).then(function (answer) {
      previewResult.innerHTML = '';
      if (!answer.ok) {
        const message = duban.showProblems(form, answer.body);
        previewResult.className = message ? 'alert error' : '';
        previewResult.textContent = message || '请按提示修改后再预览。';
        return;
      }
      previewResult.className = '';
      const names = {};
      answer.body.units.forEach(function (unit) { names[unit.code] = unit.name; });
      const head = document.createElement('p');
      head.textContent = '将送达 ' + answer.body.total + ' 个单位：';
      previewResult.appendChild(head);
      const list = document.createElement('ul');
      list.id = 'preview-units-list';
      answer.body.units.forEach(function (unit) {
        const item = document.createElement('li');
        const role = unit.role === 'lead' ? '主办' : unit.role === 'co' ? '协办' : '下级承办，由' + names[unit.parent] + '审核';
        item.textContent = unit.name + '（' + unit.levelName + '，' + role + '）';
        item.dataset.unit = unit.code;
        list.appendChild(item);
      });
      previewResult.appendChild(list);
    }).catch(function () {
      previewResult.className = 'alert error';
      previewResult.textContent = '网络错误，请稍后重试。';
    });
  }

  document.getElementById('preview-units').addEventListener('click', preview);

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
      reportCycle: form.elements.reportCycle.value,
      targets: targets.map(function (target) { return { under: target.under, level: target.level }; }),
      followUpOf: (form.querySelector('input[name="followUpOf"]:checked') || { value: '' }).value || null
    };
  }

  // 自动查重 and 建议主办单位, asked as the person types (debounced)
  const similarBox = document.getElementById('similar');
  let typing = null;
  function getJson(url) {
    return fetch(url, { credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : null; });
  }
  function chooseUnit(code) {
    const lead = form.elements.leadDepartment;
    // as if the person had chosen it: what listens to the field (its error, the chosen marks) hears of it
    if (!lead.value) {
      lead.value = code;
      lead.dispatchEvent(new Event('change', { bubbles: true }));
      return;
    }
    if (lead.value === code) {
      return;
    }
    const box = form.querySelector('input[name="coDepartments"][value="' + code + '"]');
    if (box && !box.checked) {
      box.checked = true;
      box.dispatchEvent(new Event('change', { bubbles: true }));
    }
  }
  // the page's own words on how to use the suggestions, shown again once there are some
  const suggestionHint = document.getElementById('suggestion-hint');
  const suggestionHowTo = suggestionHint.textContent;
  // answers to an earlier look-up that arrive after a later one's are dropped: the list shows what is typed now
  let asked = 0;
  function lookUp() {
    const title = form.elements.title.value.trim();
    const instruction = form.elements.instruction.value.trim();
    if (!title && !instruction) {
      return;
    }
    const question = ++asked;
    getJson(similarBox.dataset.similar + '?title=' + encodeURIComponent(title) + '&instruction='
        + encodeURIComponent(instruction)).then(function (matches) {
      if (question !== asked) {
        return;
      }
      const list = document.getElementById('similar-list');
      const chosen = (form.querySelector('input[name="followUpOf"]:checked') || { value: '' }).value;
      const found = matches || [];
      list.replaceChildren();
      document.getElementById('similar-empty').textContent = found.length
        ? '以下事项与本事项相似，请确认是否重复交办：' : '未发现相似事项。';
      // "not a follow-up" is a choice only beside a list to choose from; it stays the answer when there is none
      const notFollowUp = document.getElementById('not-follow-up');
      notFollowUp.hidden = !found.length;
      notFollowUp.querySelector('input').checked = !found.some(function (m) { return m.number === chosen; });
      found.forEach(function (match) {
        const item = document.createElement('li');
        const radio = document.createElement('input');
        radio.type = 'radio';
        radio.name = 'followUpOf';
        radio.value = match.number;
        radio.checked = chosen === match.number;
        const link = document.createElement('a');
        link.href = similarBox.dataset.directive + match.number;
        link.textContent = match.number + ' ' + match.title;
        link.target = '_blank';
        const label = document.createElement('label');
        label.className = 'choice';
        label.append(radio, ' 作为其后续事项：', link,
          '（' + match.statusName + '，相似度 ' + Math.round(match.score * 100) + '%）');
        item.append(label);
        list.append(item);
      });
    });
    getJson(similarBox.dataset.suggestions + '?text=' + encodeURIComponent(title + '\n' + instruction))
      .then(function (answer) {
        if (question !== asked) {
          return;
        }
        const list = document.getElementById('suggestion-list');
        list.replaceChildren();
        const units = answer ? answer.lead.concat(answer.co.filter(function (co) {
          return !answer.lead.some(function (lead) { return lead.code === co.code; });
        })) : [];
        suggestionHint.textContent = units.length ? suggestionHowTo : '未找到与事项内容相符的单位，请直接选择主办单位。';
        units.forEach(function (unit) {
          const item = document.createElement('li');
          const chip = document.createElement('button');
          chip.type = 'button';
          chip.className = 'button secondary';
          chip.dataset.unit = unit.code;
          chip.textContent = unit.name + ' ' + Math.round(unit.score * 100) + '%';
          chip.addEventListener('click', function () { chooseUnit(unit.code); });
          // the reason is read, not hovered for: a phone has no hover
          const reason = document.createElement('span');
          reason.className = 'reason';
          reason.textContent = unit.reason;
          item.append(chip, reason);
          list.append(item);
        });
        markChosen();
      });
  }
  // a suggested unit already chosen as lead or co-unit shows as chosen
  function markChosen() {
    const chosen = [form.elements.leadDepartment.value].concat(Array.prototype.map.call(
      form.querySelectorAll('input[name="coDepartments"]:checked'), function (box) { return box.value; }));
    document.querySelectorAll('#suggestion-list button').forEach(function (chip) {
      chip.classList.toggle('chosen', chosen.indexOf(chip.dataset.unit) >= 0);
    });
  }
  form.addEventListener('change', function (event) {
    if (event.target.name === 'leadDepartment' || event.target.name === 'coDepartments') {
      markChosen();
    }
  });
  ['title', 'instruction'].forEach(function (name) {
    form.elements[name].addEventListener('input', function () {
      clearTimeout(typing);
      typing = setTimeout(lookUp, 400);
    });
  });

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
        // a year without the State Council's holiday notice: counted Monday to Friday, and said so
        workingDays.classList.toggle('alert', !!answer.warning);
        workingDays.classList.toggle('warn', !!answer.warning);
        if (answer.warning) {
          workingDays.textContent += '。' + answer.warning;
        }
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
