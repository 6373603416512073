from .article import ArticlePage, ArticleTag
from .category import NewsCategoryPage
from .home import HomePage
from .video import VideoIndexPage, VideoPage

__all__ = ["ArticlePage", "ArticleTag", "HomePage", "NewsCategoryPage", "VideoIndexPage", "VideoPage"]
