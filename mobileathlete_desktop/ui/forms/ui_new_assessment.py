# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'new_assessment.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialogButtonBox,
    QFormLayout, QLabel, QLineEdit, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_NewAssessmentForm(object):
    def setupUi(self, NewAssessmentForm):
        if not NewAssessmentForm.objectName():
            NewAssessmentForm.setObjectName(u"NewAssessmentForm")
        self.main_layout = QVBoxLayout(NewAssessmentForm)
        self.main_layout.setObjectName(u"main_layout")
        self.fields = QFormLayout()
        self.fields.setObjectName(u"fields")
        self.date_label = QLabel(NewAssessmentForm)
        self.date_label.setObjectName(u"date_label")

        self.fields.setWidget(0, QFormLayout.ItemRole.LabelRole, self.date_label)

        self.date = QLineEdit(NewAssessmentForm)
        self.date.setObjectName(u"date")

        self.fields.setWidget(0, QFormLayout.ItemRole.FieldRole, self.date)

        self.kind_label = QLabel(NewAssessmentForm)
        self.kind_label.setObjectName(u"kind_label")

        self.fields.setWidget(1, QFormLayout.ItemRole.LabelRole, self.kind_label)

        self.kind = QComboBox(NewAssessmentForm)
        self.kind.addItem("")
        self.kind.addItem("")
        self.kind.addItem("")
        self.kind.addItem("")
        self.kind.setObjectName(u"kind")

        self.fields.setWidget(1, QFormLayout.ItemRole.FieldRole, self.kind)

        self.template_label = QLabel(NewAssessmentForm)
        self.template_label.setObjectName(u"template_label")

        self.fields.setWidget(2, QFormLayout.ItemRole.LabelRole, self.template_label)

        self.template = QComboBox(NewAssessmentForm)
        self.template.setObjectName(u"template")

        self.fields.setWidget(2, QFormLayout.ItemRole.FieldRole, self.template)


        self.main_layout.addLayout(self.fields)

        self.problems = QLabel(NewAssessmentForm)
        self.problems.setObjectName(u"problems")
        self.problems.setWordWrap(True)

        self.main_layout.addWidget(self.problems)

        self.buttons = QDialogButtonBox(NewAssessmentForm)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.main_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.date_label.setBuddy(self.date)
        self.kind_label.setBuddy(self.kind)
        self.template_label.setBuddy(self.template)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(NewAssessmentForm)

        QMetaObject.connectSlotsByName(NewAssessmentForm)
    # setupUi

    def retranslateUi(self, NewAssessmentForm):
        self.date_label.setText(QCoreApplication.translate("NewAssessmentForm", u"&Date:", None))
#if QT_CONFIG(accessibility)
        self.date.setAccessibleName(QCoreApplication.translate("NewAssessmentForm", u"Date", None))
#endif // QT_CONFIG(accessibility)
        self.date.setPlaceholderText(QCoreApplication.translate("NewAssessmentForm", u"YYYY-MM-DD", None))
        self.kind_label.setText(QCoreApplication.translate("NewAssessmentForm", u"&Kind:", None))
        self.kind.setItemText(0, QCoreApplication.translate("NewAssessmentForm", u"initial", None))
        self.kind.setItemText(1, QCoreApplication.translate("NewAssessmentForm", u"reassessment", None))
        self.kind.setItemText(2, QCoreApplication.translate("NewAssessmentForm", u"discharge", None))
        self.kind.setItemText(3, QCoreApplication.translate("NewAssessmentForm", u"screen", None))

#if QT_CONFIG(accessibility)
        self.kind.setAccessibleName(QCoreApplication.translate("NewAssessmentForm", u"Kind", None))
#endif // QT_CONFIG(accessibility)
        self.template_label.setText(QCoreApplication.translate("NewAssessmentForm", u"&Template:", None))
#if QT_CONFIG(accessibility)
        self.template.setAccessibleName(QCoreApplication.translate("NewAssessmentForm", u"Template", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.problems.setAccessibleName(QCoreApplication.translate("NewAssessmentForm", u"Problems", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

