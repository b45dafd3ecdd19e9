const express = require('express');
const fs = require('fs');

// Uses Express only for its view engine, to pre-render email templates to disk.
const renderer = express();
renderer.set('view engine', 'ejs');
renderer.render('welcome', { name: 'Ada' }, (err, html) => {
  if (!err) fs.writeFileSync('out/welcome.html', html);
});
