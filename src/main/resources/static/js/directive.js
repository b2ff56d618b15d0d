// The office's urge and the leader's withdrawal on the directive page; a unit passing its part down to the
// units below it, and taking a sub-part back.
(function () {
  const result = document.getElementById('action-result') || (function () {
    const status = document.createElement('div');
    status.id = 'action-result';
    status.setAttribute('role', 'status');
    document.querySelector('main').appendChild(status);
    return status;
  })();

  function wire(formOrId, bodyOf, done) {
    const form = typeof formOrId === 'string' ? document.getElementById(formOrId) : formOrId;
    if (!form) {
      return;
    }
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      const button = form.querySelector('button');
      button.disabled = true;
      result.className = '';
      result.textContent = '';
      duban.post(form.dataset.api, bodyOf(form)).then(function (answer) {
        button.disabled = false;
        if (answer.ok) {
          result.className = 'alert info';
          result.textContent = done(answer.body);
          setTimeout(function () { window.location.reload(); }, 1200);
        } else {
          const message = duban.showProblems(form, answer.body);
          if (message) {
            result.className = 'alert error';
            result.textContent = message;
          }
        }
      }).catch(function () {
        button.disabled = false;
        result.className = 'alert error';
        result.textContent = '网络错误，请稍后重试。';
      });
    });
  }

  wire('urge-form', function (form) {
    const department = form.elements.department.value;
    return { department: department || null, note: form.elements.note.value || null };
  }, function () { return '已催办，相关单位将收到催办通知。'; });

  document.querySelectorAll('form.risk-handling').forEach(function (form) {
    wire(form, function () {
      return { note: form.elements.note.value };
    }, function () { return '已标记为已处理，处理情况已记入办理时间线。'; });
  });

  wire('withdraw-form', function (form) {
    return { reason: form.elements.reason.value };
  }, function () { return '事项已撤回。'; });

  document.querySelectorAll('form.pass-down').forEach(function (form) {
    wire(form, function () {
      const units = Array.prototype.filter.call(form.querySelectorAll('input[name="unit"]'), function (box) {
        return box.checked;
      }).map(function (box) { return box.value; });
      return {
        subParts: units.map(function (unit) {
          return {
            unit: unit,
            instruction: form.elements.instruction.value,
            deadline: form.elements.deadline.value,
            reportCycle: form.elements.reportCycle.value || null
          };
        })
      };
    }, function (answer) { return '已下派给 ' + answer.subUnits.length + ' 个下级单位。'; });
  });

  // 报送办理情况 with 佐证材料: a refused file is named under the file input ("files[1]" → the second file)
  document.querySelectorAll('form.report').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      const button = form.querySelector('button');
      const list = form.querySelector('.file-errors');
      list.textContent = '';
      button.disabled = true;
      result.className = '';
      result.textContent = '正在上传……';
      duban.postForm(form.dataset.api, new FormData(form)).then(function (answer) {
        button.disabled = false;
        if (answer.ok) {
          result.className = 'alert info';
          result.textContent = '已报送' + (answer.body.files.length ? '，附佐证材料 ' + answer.body.files.length + ' 份' : '') + '。';
          setTimeout(function () { window.location.reload(); }, 1200);
          return;
        }
        const all = (answer.body && answer.body.errors) || [];
        const byFile = all.filter(function (error) { return /^files\[\d+\]$/.test(error.field); });
        const others = all.filter(function (error) { return byFile.indexOf(error) < 0; });
        const message = duban.showProblems(form, Object.assign({}, answer.body, { errors: others }));
        byFile.forEach(function (error) {
          const item = document.createElement('li');
          item.textContent = error.message;
          list.appendChild(item);
        });
        const general = others.length > 0 || byFile.length === 0;
        result.className = general && message ? 'alert error' : '';
        result.textContent = general ? message : '';
      }).catch(function () {
        button.disabled = false;
        result.className = 'alert error';
        result.textContent = '网络错误，请稍后重试。';
      });
    });
  });

  document.querySelectorAll('form.withdraw-sub').forEach(function (form) {
    wire(form, function () {
      return { reason: form.elements.reason.value };
    }, function (answer) { return '已撤回下派（' + answer.cancelled.length + ' 个单位）。'; });
  });
})();
