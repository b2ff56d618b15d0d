// Posting JSON to /api from a page: the session's CSRF token goes along, and a problem+json answer
// is turned into per-field messages shown next to their fields.
window.duban = {
  post: function (url, body, headers) {
    const all = Object.assign({ 'Content-Type': 'application/json' }, headers || {});
    return duban.send(url, JSON.stringify(body), all);
  },
  // multipart (files): the browser sets the boundary itself
  postForm: function (url, formData) {
    return duban.send(url, formData, {});
  },
  // every POST: the session's CSRF token goes along; the answer is read as JSON when it is JSON
  send: function (url, body, headers) {
    const token = document.querySelector('meta[name="csrf-token"]');
    const header = document.querySelector('meta[name="csrf-header"]');
    const all = Object.assign({ Accept: 'application/json' }, headers);
    if (token && header) {
      all[header.content] = token.content;
    }
    return fetch(url, { method: 'POST', credentials: 'same-origin', headers: all, body: body })
      .then(function (response) {
        return response.text().then(function (text) {
          let json = null;
          try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
          return { ok: response.ok, status: response.status, body: json };
        });
      });
  },
  showProblems: function (form, problem) {
    form.querySelectorAll('.field-error').forEach(function (element) { element.textContent = ''; });
    // a field's error goes as soon as the person changes that field: a corrected field no longer says it is wrong
    if (!form.dataset.clearsErrors) {
      form.dataset.clearsErrors = 'true';
      ['input', 'change'].forEach(function (type) {
        form.addEventListener(type, function (event) {
          const name = event.target && event.target.name;
          if (name) {
            form.querySelectorAll('.field-error[data-field="' + name + '"]').forEach(function (element) {
              element.textContent = '';
            });
          }
        });
      });
    }
    const errors = (problem && problem.errors) || [];
    let general = [];
    errors.forEach(function (error) {
      const target = form.querySelector('.field-error[data-field="' + error.field + '"]');
      if (target) {
        target.textContent = error.message;
      } else {
        general.push(error.message);
      }
    });
    if (!errors.length) {
      general.push((problem && (problem.detail || problem.title)) || '操作失败，请稍后重试。');
    }
    return general.join('；');
  }
};
