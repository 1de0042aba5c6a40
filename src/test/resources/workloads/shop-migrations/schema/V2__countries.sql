INSERT INTO shop.countries (code, name) VALUES ('FR', 'France'), ('JP', 'Japan'), ('NG', 'Nigeria');
