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

  // Headings count as seen only once they are on screen at the place the page was opened at, or later
  // scrolled to by the reader: never while the page is still being placed.
  function watchSeenSections() {
    const observer = new IntersectionObserver((entries) => {
      const sections = entries.filter((e) => e.isIntersecting).map((e) => e.target.id);
      if (sections.length) vscode.postMessage({ type: 'seen', chapter, sections });
    });
    document.querySelectorAll('h2[id]').forEach((heading) => observer.observe(heading));
  }

  // When a new chapter replaces the page, the webview host puts a page still at the top back at the previous
  // page's scroll position on 'load' (its listener is registered before this script runs). Placing the page
  // in our own 'load' listener, which runs after the host's, opens every chapter where it was asked to.
  // A page shown again after its tab was in the background is reloaded: it goes back to where the reader was
  // (remembered in the webview state, per chapter) instead of to the section it was first opened at.
  window.addEventListener('load', () => {
    const state = vscode.getState();
    if (state && state.chapter === chapter && typeof state.scrollY === 'number') window.scrollTo(0, state.scrollY);
    else scrollToSection(document.body.dataset.section);
    vscode.setState({ chapter, scrollY: window.scrollY });
    watchSeenSections();
    let pending = false;
    window.addEventListener('scroll', () => {
      if (pending) return;
      pending = true;
      requestAnimationFrame(() => { pending = false; vscode.setState({ chapter, scrollY: window.scrollY }); });
    });
  });
})();
