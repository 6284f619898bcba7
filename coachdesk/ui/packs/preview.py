"""The first page of a pack as it will print, scaled to fit the space beside the choices."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy

from coachdesk.reports.pictures import PagePicture


def page_image(picture: PagePicture) -> QImage:
    """The picture as a QImage that owns its pixels (the copy outlives the bytes it was read from)."""
    image = QImage(picture.pixels, picture.width, picture.height, picture.stride, QImage.Format.Format_RGBX8888)
    return image.copy()


class PagePreview(QLabel):
    """Shows a page picture at the largest size that fits, or in its place a sentence saying why there is none."""

    def __init__(self, message: str) -> None:
        super().__init__()
        self.setAccessibleName("Preview of the first page")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self._page: QPixmap | None = None
        self.show_message(message)

    @property
    def page(self) -> QPixmap | None:
        """The page at full size, before scaling to fit."""
        return self._page

    def show_message(self, message: str) -> None:
        self._page = None
        self.clear()
        self.setText(message)

    def show_picture(self, picture: PagePicture) -> None:
        self._page = QPixmap.fromImage(page_image(picture))
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        room = self.contentsRect().size() - QSize(8, 8)
        if self._page is None or room.isEmpty():
            return
        self.setPixmap(
            self._page.scaled(room, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
        )
