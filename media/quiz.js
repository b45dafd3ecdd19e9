// Script of the knowledge-check panel: draws what the extension sends (a question, the feedback, the score)
// with textContent only, and posts the learner's clicks back.
(function () {
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('quiz');

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function button(label, message, primary) {
    const b = el('button', primary ? 'primary' : '', label);
    b.addEventListener('click', () => vscode.postMessage(message));
    return b;
  }

  function drawQuestion(m) {
    root.replaceChildren();
    root.append(el('h1', '', m.title), el('p', 'progress', m.progress), el('p', 'question', m.question));
    const list = el('div', 'choices');
    for (const choice of m.choices) {
      const b = button(choice.text, { type: 'answer', choice: choice.index });
      b.dataset.choice = String(choice.index);
      list.append(b);
    }
    root.append(list);
  }

  function drawFeedback(m) {
    for (const b of root.querySelectorAll('.choices button')) {
      b.disabled = true;
      if (Number(b.dataset.choice) === m.right) b.classList.add('right');
      else if (Number(b.dataset.choice) === m.chosen) b.classList.add('wrong');
    }
    const box = el('div', 'feedback');
    box.append(el('p', 'verdict ' + (m.correct ? 'good' : 'bad'), m.verdict), el('p', '', m.feedback));
    if (!m.correct) box.append(el('p', '', m.rightAnswer));
    const actions = el('div', 'actions');
    actions.append(button(m.nextLabel, { type: 'next' }, true), button(m.readLabel, { type: 'read' }));
    root.append(box, actions);
  }

  function drawSummary(m) {
    root.replaceChildren();
    root.append(el('h1', '', m.title), el('p', 'question', m.text));
    const actions = el('div', 'actions');
    if (m.reviewLabel) actions.append(button(m.reviewLabel, { type: 'review' }, true));
    actions.append(button(m.closeLabel, { type: 'close' }, !m.reviewLabel));
    root.append(actions);
  }

  window.addEventListener('message', (event) => {
    const m = event.data;
    if (!m) return;
    if (m.type === 'question') drawQuestion(m);
    else if (m.type === 'feedback') drawFeedback(m);
    else if (m.type === 'summary') drawSummary(m);
    else return;
    vscode.postMessage({ type: 'rendered', kind: m.type });
  });

  vscode.postMessage({ type: 'ready' });
})();
