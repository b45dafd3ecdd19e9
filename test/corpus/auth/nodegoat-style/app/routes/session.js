function SessionHandler(db) {
    this.isLoggedInMiddleware = (req, res, next) => {
        if (req.session.userId) {
            return next();
        }
        return res.redirect("/login");
    };

    this.isAdminUserMiddleware = (req, res, next) => {
        if (req.session.isAdmin) return next();
        return res.redirect("/login");
    };

    this.displayLoginPage = (req, res) => res.render("login");
}

module.exports = SessionHandler;
