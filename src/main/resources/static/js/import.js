// 批量交办 on the Issue page: upload the .xlsx for a preview (nothing is created), then confirm; while the rows are
// being issued the import is polled for created/total and shown as a progress bar.
(function () {
  const card = document.getElementById('batch-import');
  if (!card) {
    return;
  }
  const api = card.dataset.api;
  const form = document.getElementById('import-form');
  const message = document.getElementById('import-message');
  const preview = document.getElementById('import-preview');
  const actions = document.getElementById('import-actions');
  const skipLabel = document.getElementById('import-skip-label');
  const skip = document.getElementById('import-skip');
  const confirmButton = document.getElementById('import-confirm');
  const progress = document.getElementById('import-progress');
  const bar = document.getElementById('import-bar');
  const count = document.getElementById('import-count');
  const result = document.getElementById('import-result');
  let current = null;

  function say(text, kind) {
    message.className = kind ? 'alert ' + kind : '';
    message.textContent = text;
  }

  function cell(row, text) {
    const td = document.createElement('td');
    if (text !== undefined && text !== null) {
      td.textContent = text;
    }
    row.appendChild(td);
    return td;
  }

  function link(number) {
    const a = document.createElement('a');
    a.href = card.dataset.directive + encodeURIComponent(number);
    a.textContent = number;
    return a;
  }

  const STATUS = { valid: '可导入', invalid: '有错误', duplicate: '重复', created: '已创建' };

  function render(view) {
    current = view;
    preview.textContent = '';
    const summary = document.createElement('p');
    summary.id = 'import-summary';
    summary.textContent = '共 ' + view.total + ' 行：可导入 ' + view.valid + ' 行，有错误 ' + view.invalid + ' 行，重复 '
      + view.duplicate + ' 行' + (view.draft ? '（导入后为待领导批示的拟稿）' : '') + '。';
    preview.appendChild(summary);
    (view.warnings || []).forEach(function (warning) {
      const p = document.createElement('p');
      p.className = 'alert info';
      p.textContent = warning;
      preview.appendChild(p);
    });
    const table = document.createElement('table');
    table.className = 'grid';
    table.id = 'import-rows';
    const head = table.createTHead().insertRow();
    ['行', '事项名称', '承办单位', '办结期限', '工作日', '状态'].forEach(function (h) {
      const th = document.createElement('th');
      th.textContent = h;
      head.appendChild(th);
    });
    const body = table.createTBody();
    view.rows.forEach(function (r) {
      const tr = body.insertRow();
      tr.dataset.row = r.row;
      tr.className = 'import-' + r.status;
      cell(tr, r.row);
      cell(tr, r.title);
      const units = [];
      if (r.lead) { units.push(r.lead.name + '（牵头）'); }
      (r.co || []).forEach(function (u) { units.push(u.name); });
      cell(tr, units.join('、'));
      cell(tr, r.deadline);
      cell(tr, r.workingDays === null || r.workingDays === undefined ? '' : r.workingDays);
      const status = cell(tr);
      status.className = 'import-status';
      if (r.status === 'invalid') {
        (r.problems || []).forEach(function (p) {
          const span = document.createElement('span');
          span.className = 'cell-error';
          span.textContent = (p.cell ? p.cell + ' ' : '') + (p.column ? p.column + '：' : '') + p.message;
          status.appendChild(span);
        });
      } else if (r.status === 'duplicate') {
        const span = document.createElement('span');
        span.className = 'duplicate';
        span.textContent = '重复：' + r.duplicateOf;
        status.appendChild(span);
      } else if (r.status === 'created' && r.directiveNumber) {
        status.textContent = '已创建 ';
        status.appendChild(link(r.directiveNumber));
      } else {
        status.textContent = STATUS[r.status] || r.status;
      }
    });
    preview.appendChild(table);
    const open = view.status === 'previewed';
    actions.hidden = !open || view.valid === 0;
    skipLabel.hidden = view.invalid === 0;
    skip.checked = false;
    if (view.status !== 'previewed') {
      showResult(view);
    }
  }

  function showProgress(view) {
    progress.hidden = false;
    const total = view.toCreate || 0;
    bar.max = Math.max(total, 1);
    bar.value = view.created;
    count.textContent = '已创建 ' + view.created + ' / ' + total;
  }

  function showResult(view) {
    showProgress(view);
    result.textContent = '';
    const created = view.rows.filter(function (r) { return r.status === 'created'; });
    const p = document.createElement('p');
    p.className = 'alert info';
    p.id = 'import-done';
    p.textContent = (view.replayed ? '该文件已导入过，未重复创建。' : '')
      + '本次导入创建督办事项 ' + view.created + ' 项' + (view.draft ? '（拟稿，待领导批示）' : '') + '。';
    result.appendChild(p);
    const list = document.createElement('ul');
    list.id = 'import-created';
    created.forEach(function (r) {
      const li = document.createElement('li');
      li.appendChild(link(r.directiveNumber));
      li.appendChild(document.createTextNode(' ' + r.title));
      list.appendChild(li);
    });
    result.appendChild(list);
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    const file = form.elements.file.files[0];
    if (!file) {
      say('请先选择要导入的 .xlsx 文件。', 'error');
      return;
    }
    preview.textContent = '';
    result.textContent = '';
    progress.hidden = true;
    actions.hidden = true;
    say('正在上传并校验……', 'info');
    duban.postForm(api, new FormData(form)).then(function (answer) {
      if (!answer.ok) {
        say(duban.showProblems(form, answer.body), 'error');
        return;
      }
      say(answer.body.replayed ? '该文件已导入过，以下为当时的导入结果。' : '预览如下：尚未创建任何事项，请核对后确认导入。', 'info');
      render(answer.body);
    }).catch(function () { say('网络错误，请稍后重试。', 'error'); });
  });

  confirmButton.addEventListener('click', function () {
    if (!current) {
      return;
    }
    const id = current.id;
    confirmButton.disabled = true;
    showProgress({ toCreate: current.valid, created: 0 });
    say('正在导入……', 'info');
    let running = true;
    function poll() {
      if (!running) {
        return;
      }
      fetch(api + '/' + id + '?rows=false', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (view) {
          if (running && view && view.status === 'confirming') {
            showProgress(view);
          }
          if (running) { setTimeout(poll, 700); }
        }).catch(function () { if (running) { setTimeout(poll, 1500); } });
    }
    setTimeout(poll, 700);
    duban.post(api + '/' + id + '/confirmation?skipInvalid=' + (skip.checked ? 'true' : 'false'), {})
      .then(function (answer) {
        running = false;
        confirmButton.disabled = false;
        if (!answer.ok) {
          progress.hidden = true;
          say((answer.body && (answer.body.detail || answer.body.title)) || '导入失败，请稍后重试。', 'error');
          return;
        }
        say('导入完成。', 'info');
        render(answer.body);
      }).catch(function () {
        running = false;
        confirmButton.disabled = false;
        say('网络错误：导入可能仍在进行，请稍后刷新查看。', 'error');
      });
  });

  // leaders: the office's imports awaiting one 批量批示
  const awaiting = document.getElementById('import-awaiting');
  function loadAwaiting() {
    fetch(api + '?awaiting=approval', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(function (list) {
        const ul = document.getElementById('import-awaiting-list');
        ul.textContent = '';
        awaiting.hidden = list.length === 0;
        list.forEach(function (item) {
          const li = document.createElement('li');
          li.dataset.id = item.id;
          li.appendChild(document.createTextNode(item.fileName + '（' + item.uploadedBy + ' 导入，拟稿 ' + item.created + ' 项） '));
          [[true, '全部同意'], [false, '全部不同意']].forEach(function (choice) {
            const button = document.createElement('button');
            button.type = 'button';
            button.className = choice[0] ? 'approve-import' : 'secondary refuse-import';
            button.textContent = choice[1];
            button.addEventListener('click', function () {
              let comment = '';
              if (!choice[0]) {
                comment = window.prompt('请填写不同意的理由（批示意见）') || '';
                if (!comment.trim()) { return; }
              }
              button.disabled = true;
              duban.post(api + '/' + item.id + '/approval', { approved: choice[0], comment: comment })
                .then(function (answer) {
                  if (!answer.ok) {
                    button.disabled = false;
                    say((answer.body && (answer.body.detail || duban.showProblems(form, answer.body))) || '批示失败。', 'error');
                    return;
                  }
                  say('已批示 ' + answer.body.decided + ' 项拟稿：' + (choice[0] ? '同意交办' : '不同意') + '。', 'info');
                  loadAwaiting();
                });
            });
            li.appendChild(button);
          });
          ul.appendChild(li);
        });
      });
  }
  if (awaiting) {
    loadAwaiting();
  }
}());
