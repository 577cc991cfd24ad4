// The exposure page's list upload: sends the chosen list file as the body of
// PUT /admin/exposures/:id/list (text/plain, the session's CSRF token in X-CSRF-Token), shows the
// bytes sent in a <progress>, then the server's summary or its refusal in the live region.
// The file goes as it is, streamed by the browser from disk; nothing of it is read here.
// Without this script the form stays hidden and the page says to use npm run load-list.
(function () {
  'use strict';

  var form = document.getElementById('list-upload');
  var status = document.getElementById('upload-status');
  if (!form || !status || typeof XMLHttpRequest === 'undefined') return;

  var input = form.querySelector('input[type="file"]');
  var button = form.querySelector('button[type="submit"]');
  var progressBox = form.querySelector('.upload-progress');
  var progress = form.querySelector('progress');
  // The page's locale tag (from src/i18n/languages.ts), for numbers as the page writes them.
  var locale = form.getAttribute('data-locale') || undefined;

  form.hidden = false;
  var needsScript = document.querySelector('[data-needs-script]');
  if (needsScript) needsScript.hidden = true;

  function text(name) {
    return form.getAttribute('data-text-' + name) || '';
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? values[key] : whole;
    });
  }

  function count(value) {
    return Number(value).toLocaleString(locale);
  }

  function size(bytes) {
    var units = ['B', 'KB', 'MB', 'GB'];
    var value = bytes;
    var unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit += 1;
    }
    return value.toLocaleString(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 }) + ' ' + units[unit];
  }

  /** Replaces the live region's content: one or more paragraphs, and optionally a link. */
  function say(kind, paragraphs, link) {
    status.className = 'upload-status notice ' + (kind === 'error' ? 'notice-error' : kind === 'ok' ? 'notice-ok' : 'notice-info');
    status.textContent = '';
    paragraphs.forEach(function (paragraph) {
      if (!paragraph) return;
      var p = document.createElement('p');
      p.textContent = paragraph.text;
      if (paragraph.lang) p.lang = paragraph.lang;
      status.appendChild(p);
    });
    if (link) {
      var p = document.createElement('p');
      var a = document.createElement('a');
      a.href = link.href;
      a.textContent = link.text;
      p.appendChild(a);
      status.appendChild(p);
    }
  }

  function busy(on) {
    button.disabled = on;
    input.disabled = on;
    progressBox.hidden = !on;
  }

  function refusal(xhr) {
    var error = null;
    try {
      error = JSON.parse(xhr.responseText).error;
    } catch (ignored) {
      error = null;
    }
    var code = error && typeof error.code === 'string' ? error.code : '';
    if (xhr.status === 401) return say('error', [{ text: text('session-ended') }]);
    // The server's message is English (the API's); the page says a refusal in its own words,
    // filled in with the error's numbers (the bad line numbers, for one).
    var known = code && form.getAttribute('data-problem-' + code);
    if (known) return say('error', [{ text: fill(known, shownParams(error.params)) }]);
    say('error', [{ text: text('failed') }, code ? { text: fill(text('error-code'), { code: code }) } : null]);
  }

  /** An error's params as the page writes them: numbers in its locale, lists joined, and `more`. */
  function shownParams(params) {
    var shown = {};
    if (!params || typeof params !== 'object') return shown;
    Object.keys(params).forEach(function (key) {
      var value = params[key];
      if (Array.isArray(value)) shown[key] = value.map(count).join(text('list-separator'));
      else if (typeof value === 'number') shown[key] = count(value);
      else shown[key] = String(value);
    });
    var listed = Array.isArray(params.lines) ? params.lines.length : 0;
    var rest = typeof params.count === 'number' ? params.count - listed : 0;
    shown.more = listed > 0 && rest > 0 ? fill(text('more-lines'), { rest: count(rest) }) : '';
    return shown;
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var file = input.files && input.files[0];
    if (!file) {
      say('error', [{ text: text('choose-file') }]);
      input.focus();
      return;
    }
    var xhr = new XMLHttpRequest();
    xhr.open('PUT', form.getAttribute('data-url'));
    xhr.setRequestHeader('Content-Type', 'text/plain');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('X-CSRF-Token', form.getAttribute('data-csrf'));
    progress.max = file.size || 1;
    progress.value = 0;
    var total = size(file.size);
    xhr.upload.addEventListener('progress', function (step) {
      progress.value = step.loaded;
      // The live region is polite and repeats little: a screen reader hears the start and the end.
      progress.setAttribute('aria-valuetext', fill(text('sending'), { sent: size(step.loaded), total: total }));
    });
    xhr.upload.addEventListener('load', function () {
      progress.value = progress.max;
      say('info', [{ text: text('processing') }]);
    });
    xhr.addEventListener('load', function () {
      busy(false);
      if (xhr.status === 200) {
        var summary = JSON.parse(xhr.responseText);
        say(
          'ok',
          [{ text: fill(text('loaded'), { records: count(summary.records), duplicates: count(summary.duplicates), version: String(summary.version) }) }],
          { href: window.location.pathname, text: text('reload') }
        );
        return;
      }
      refusal(xhr);
    });
    xhr.addEventListener('error', function () {
      busy(false);
      say('error', [{ text: text('network-failed') }]);
    });
    busy(true);
    say('info', [{ text: fill(text('sending'), { sent: size(0), total: total }) }]);
    xhr.send(file);
  });
})();
