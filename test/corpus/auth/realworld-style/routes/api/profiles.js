const router = require('express').Router();
const auth = require('../auth');
const profiles = require('../../controllers/profiles');

router.param('username', profiles.load);
router.get('/:username', auth.optional, profiles.show);
router.post('/:username/follow', auth.required, profiles.follow);
router.delete('/:username/follow', auth.required, profiles.unfollow);

module.exports = router;
