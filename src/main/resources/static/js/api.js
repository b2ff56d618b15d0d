// Posting JSON to /api from a page: the session's CSRF token goes along, and a problem+json answer
// is turned into per-field messages shown next to their fields.
window.duban = {
  post: function (url, body, headers) {
    const token = document.querySelector('meta[name="csrf-token"]');
    const header = document.querySelector('meta[name="csrf-header"]');
    const all = Object.assign({ 'Content-Type': 'application/json', Accept: 'application/json' }, headers || {});
    if (token && header) {
      all[header.content] = token.content;
    }
    return fetch(url, { method: 'POST', credentials: 'same-origin', headers: all, body: JSON.stringify(body) })
      .then(function (response) {
        return response.text().then(function (text) {
          let json = null;
          try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
          return { ok: response.ok, status: response.status, body: json };
        });
      });
  },
  // multipart (files): the browser sets the boundary; the CSRF token goes along as for JSON
  postForm: function (url, formData) {
    const token = document.querySelector('meta[name="csrf-token"]');
    const header = document.querySelector('meta[name="csrf-header"]');
    const all = { Accept: 'application/json' };
    if (token && header) {
      all[header.content] = token.content;
    }
    return fetch(url, { method: 'POST', credentials: 'same-origin', headers: all, body: formData })
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
