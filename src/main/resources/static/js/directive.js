// The office's urge and the leader's withdrawal on the directive page.
(function () {
  const result = document.getElementById('action-result');

  function wire(formId, bodyOf, done) {
    const form = document.getElementById(formId);
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

  wire('withdraw-form', function (form) {
    return { reason: form.elements.reason.value };
  }, function () { return '事项已撤回。'; });
})();
