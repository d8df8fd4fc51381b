from acme_web import routes
