const router = require('express').Router();
const auth = require('../auth');
const articles = require('../../controllers/articles');

router.get('/', auth.optional, articles.list);
router.get('/feed', auth.required, articles.feed);
router.post('/', auth.required, articles.create);
router.get('/:article', auth.optional, articles.show);
router.put('/:article', auth.required, articles.update);
router.delete('/:article', auth.required, articles.remove);
router.post('/:article/favorite', auth.required, articles.favorite);
router.get('/:article/comments', auth.optional, articles.comments);
router.post('/:article/comments', auth.required, articles.addComment);
router.delete('/:article/comments/:comment', auth.optional, articles.removeComment); // expect: missing-auth

module.exports = router;
