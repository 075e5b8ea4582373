def test_home_fixture_serves_each_locale(client, home):
    for code, title in (
        ("zh-hans", "双柏国际社区"),
        ("en", "Shuangbai International Community"),
        ("ko", "솽바이 국제 커뮤니티"),
    ):
        response = client.get(f"/{code}/")
        assert response.status_code == 200
        assert title in response.content.decode()
