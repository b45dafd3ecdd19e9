// Script of the attack replay panel: switches between the query as written and with the fix, forwards links.
(function () {
  const vscode = acquireVsCodeApi();

  function show(view) {
    for (const el of document.querySelectorAll('.view')) el.classList.toggle('active', el.dataset.view === view);
    for (const tab of document.querySelectorAll('.tabs button')) tab.setAttribute('aria-selected', String(tab.dataset.view === view));
    window.scrollTo(0, 0);
    vscode.postMessage({ type: 'shown', view });
  }

  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const tab = target && target.closest('.tabs button');
    if (tab && !tab.disabled) { show(tab.dataset.view); return; }
    const link = target && target.closest('a[href]');
    if (!link) return;
    event.preventDefault();
    vscode.postMessage({ type: 'link', href: link.getAttribute('href') });
  });

  window.addEventListener('message', (event) => {
    if (event.data && event.data.type === 'show') show(event.data.view);
  });

  show('vulnerable');
})();
