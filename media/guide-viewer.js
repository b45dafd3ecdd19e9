// Script of the Backend Guide viewer webview: scrolls to sections, reports what was seen, forwards link clicks.
(function () {
  const vscode = acquireVsCodeApi();
  const chapter = document.body.dataset.chapter;

  function scrollToSection(section) {
    const target = section ? document.getElementById(section) : null;
    if (target) {
      target.scrollIntoView({ block: 'start' });
      target.classList.remove('target');
      void target.offsetWidth;
      target.classList.add('target');
      target.setAttribute('tabindex', '-1');
      target.focus({ preventScroll: true });
    } else {
      window.scrollTo(0, 0);
    }
    vscode.postMessage({ type: 'shown', chapter, section: target ? section : '' });
  }

  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!link) return;
    event.preventDefault();
    const href = link.getAttribute('href');
    if (href.startsWith('#')) scrollToSection(href.slice(1));
    else vscode.postMessage({ type: 'link', href });
  });

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message && message.type === 'scrollTo') scrollToSection(message.section);
  });

  const observer = new IntersectionObserver((entries) => {
    const sections = entries.filter((e) => e.isIntersecting).map((e) => e.target.id);
    if (sections.length) vscode.postMessage({ type: 'seen', chapter, sections });
  });
  document.querySelectorAll('h2[id]').forEach((heading) => observer.observe(heading));

  scrollToSection(document.body.dataset.section);
})();
