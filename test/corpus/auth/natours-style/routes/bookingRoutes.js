const express = require('express');
const bookingController = require('../controllers/bookingController');
const authController = require('../controllers/authController');

const router = express.Router();

router.post('/checkout-session/:tourId', bookingController.getCheckoutSession); // expect: missing-auth

router.use(authController.protect);
router.route('/').get(bookingController.getAllBookings).post(bookingController.createBooking);

module.exports = router;
